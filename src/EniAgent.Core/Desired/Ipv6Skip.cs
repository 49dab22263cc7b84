using EniAgent.Core.Kernel;
using EniAgent.Core.Metadata;

namespace EniAgent.Core.Desired;

/// <summary>
/// An ENI whose IPv6 is skipped on purpose because its link cannot carry IPv6 (the administrator turned IPv6 off for
/// the host or the link): its IPv4 is configured alone rather than failing on every IPv6 step.
/// </summary>
/// <param name="LinkState"><see cref="Ipv6LinkState.Disabled"/> or <see cref="Ipv6LinkState.Unavailable"/>.</param>
/// <param name="InterfaceName">The ENI's link.</param>
/// <param name="Listed">How many IPv6 addresses and prefixes metadata lists for the ENI.</param>
public sealed record Ipv6Skip(Ipv6LinkState LinkState, string InterfaceName, int Listed)
{
    /// <summary>Why, in a few words (status).</summary>
    public string Why => LinkState == Ipv6LinkState.Disabled
        ? $"IPv6 is disabled on {InterfaceName} (net.ipv6.conf.{InterfaceName}.disable_ipv6 = 1)"
        : $"the kernel has no IPv6 on {InterfaceName} (booted with ipv6.disable=1, or an MTU below 1280)";

    /// <summary>Null when the ENI lists no IPv6 or its link can carry it (or is not there yet).</summary>
    public static Ipv6Skip? For(EniMetadata eni, LinkSnapshot? link)
    {
        ArgumentNullException.ThrowIfNull(eni);
        var listed = eni.Ipv6s.Count + eni.Ipv6Prefixes.Count;
        return link is { Ipv6: Ipv6LinkState.Disabled or Ipv6LinkState.Unavailable } && listed > 0
            ? new Ipv6Skip(link.Ipv6, link.Name, listed)
            : null;
    }

    /// <summary>The warning of a reconcile: which ENI, why, and how to change it.</summary>
    public string Warning(string eniId)
    {
        var remedy = LinkState == Ipv6LinkState.Disabled
            ? $"enable it (sysctl -w net.ipv6.conf.{InterfaceName}.disable_ipv6=0) and the next reconcile adds it"
            : "once the kernel offers IPv6 on the link, the next reconcile adds it";
        return $"{eniId} ({InterfaceName}): IPv6 skipped, IPv4 configured: metadata lists {Listed} IPv6 address(es)/prefix(es) but {Why}; "
            + $"{remedy}; or set 'ipv6: false' in the configuration to skip IPv6 without this warning";
    }
}
