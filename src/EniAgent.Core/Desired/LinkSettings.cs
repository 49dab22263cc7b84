using System.Globalization;
using EniAgent.Core.Kernel;

namespace EniAgent.Core.Desired;

/// <summary>
/// Per-link IPv4 settings the agent wants on an ENI's link; a null member is left as the kernel has it. Also
/// used for the part of them that differs from the kernel (what a plan step changes).
/// </summary>
/// <param name="ArpIgnore">arp_ignore: 1 answers ARP only for addresses configured on the asking interface.</param>
/// <param name="ArpAnnounce">arp_announce: 2 uses only an address of the sending interface as ARP source.</param>
/// <param name="PromoteSecondaries">promote_secondaries: 1 keeps the other addresses of a subnet when its first is removed.</param>
public sealed record LinkSettings(uint? ArpIgnore = null, uint? ArpAnnounce = null, uint? PromoteSecondaries = null)
{
    /// <summary>Leave the link's settings alone (the primary ENI: its ARP behaviour is the administrator's choice).</summary>
    public static LinkSettings None { get; } = new();

    /// <summary>
    /// Every secondary ENI: with several ENIs in one vSwitch subnet, the default arp_ignore=0 lets one ENI
    /// answer ARP for another's addresses ("ARP flux"); the VPC then delivers that address's traffic to the
    /// wrong ENI while its replies leave by the right one, and strict reverse-path filtering drops it.
    /// </summary>
    public static LinkSettings SecondaryEni { get; } = new(ArpIgnore: 1, ArpAnnounce: 2, PromoteSecondaries: 1);

    public bool IsEmpty => ArpIgnore is null && ArpAnnounce is null && PromoteSecondaries is null;

    /// <summary>The wanted settings that <paramref name="current"/> does not have yet (all of them when unknown).</summary>
    public LinkSettings ChangesFrom(Ipv4DevConf? current) => new(
        Differs(ArpIgnore, current?.ArpIgnore),
        Differs(ArpAnnounce, current?.ArpAnnounce),
        Differs(PromoteSecondaries, current?.PromoteSecondaries));

    /// <summary>Sysctl names and values, e.g. <c>arp_ignore 1 arp_announce 2 promote_secondaries 1</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>(3);
        Add(parts, "arp_ignore", ArpIgnore);
        Add(parts, "arp_announce", ArpAnnounce);
        Add(parts, "promote_secondaries", PromoteSecondaries);
        return string.Join(' ', parts);
    }

    public override string ToString() => Describe();

    private static uint? Differs(uint? wanted, uint? current) => wanted is { } w && w != current ? w : null;

    private static void Add(List<string> parts, string name, uint? value)
    {
        if (value is { } v)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {v}"));
        }
    }
}
