using System.Net.NetworkInformation;

namespace EniAgent.Netlink;

/// <summary>A network link as RTM_NEWLINK describes it.</summary>
/// <param name="Index">ifindex.</param>
/// <param name="Name">IFLA_IFNAME.</param>
/// <param name="Address">IFLA_ADDRESS (the MAC for Ethernet); <see cref="PhysicalAddress.None"/> when the link has none.</param>
/// <param name="Mtu">IFLA_MTU.</param>
/// <param name="Flags">ifi_flags.</param>
/// <param name="OperState">IFLA_OPERSTATE.</param>
/// <param name="Kind">IFLA_LINKINFO/IFLA_INFO_KIND (veth, bridge...), null for physical devices.</param>
/// <param name="AlternativeNames">IFLA_PROP_LIST/IFLA_ALT_IFNAME. Compared by reference in record equality.</param>
public sealed record NetlinkLink(
    int Index,
    string Name,
    PhysicalAddress Address,
    int Mtu,
    NetlinkLinkFlags Flags,
    NetlinkOperState OperState,
    string? Kind,
    IReadOnlyList<string> AlternativeNames)
{
    /// <summary>
    /// The link's IPv4 settings (IFLA_AF_SPEC / AF_INET / IFLA_INET_CONF); null when the message carries none
    /// (a link without IPv4, or a notification that left it out).
    /// </summary>
    public NetlinkIpv4DevConf? Ipv4DevConf { get; init; }

    /// <summary>Whether the link has IPv6 and it is enabled (IFLA_AF_SPEC / AF_INET6 / IFLA_INET6_CONF disable_ipv6).</summary>
    public NetlinkLinkIpv6 Ipv6 { get; init; } = NetlinkLinkIpv6.NotReported;

    /// <summary>Administratively up (IFF_UP).</summary>
    public bool IsUp => (Flags & NetlinkLinkFlags.Up) != 0;

    /// <summary>Operationally up (IFF_RUNNING).</summary>
    public bool IsRunning => (Flags & NetlinkLinkFlags.Running) != 0;

    /// <summary>The driver sees a carrier (IFF_LOWER_UP).</summary>
    public bool IsLowerUp => (Flags & NetlinkLinkFlags.LowerUp) != 0;

    public override string ToString() =>
        $"#{Index} {Name} {string.Join(':', Address.GetAddressBytes().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)))} mtu {Mtu} {(IsUp ? "up" : "down")} state {OperState}{(Kind is null ? "" : " kind " + Kind)}";
}
