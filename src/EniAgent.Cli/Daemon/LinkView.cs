using System.Net.NetworkInformation;

namespace EniAgent.Cli.Daemon;

/// <summary>What the daemon remembers of a link between events: enough to tell an add, a rename, up/down and IPv6 on/off apart.</summary>
internal sealed record LinkView(int Index, string Name, PhysicalAddress Mac, bool AdminUp)
{
    /// <summary>Whether IPv6 can be used on the link, as last reported; null when no message told yet.</summary>
    public bool? Ipv6Usable { get; init; }

    /// <summary>
    /// True for a MAC that can be an ENI: unicast and globally administered (ECS ENIs use 00:16:3e). Veths of
    /// containers, bridges and other software links get random locally administered MACs and are never polled for.
    /// </summary>
    public bool MayBeEni
    {
        get
        {
            var bytes = Mac.GetAddressBytes();
            return bytes.Length == 6 && (bytes[0] & 0x03) == 0 && bytes.Any(b => b != 0);
        }
    }
}
