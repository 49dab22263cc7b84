using System.Net.Sockets;
using EniAgent.Core;
using EniAgent.Core.Kernel;
using EniAgent.Netlink;

namespace EniAgent.Platform.Kernel;

/// <summary>Maps netlink objects to the Core kernel model, leaving out what the agent never manages.</summary>
internal static class KernelSnapshotMapper
{
    /// <summary>The IFA_F_* bits <see cref="AddressFlags"/> names; others (stable-privacy, mcautojoin...) would only add noise to comparisons.</summary>
    private const AddressFlags KnownAddressFlags =
        AddressFlags.Secondary | AddressFlags.NoDad | AddressFlags.DadFailed | AddressFlags.Tentative |
        AddressFlags.Permanent | AddressFlags.NoPrefixRoute;

    public static KernelSnapshot ToSnapshot(
        IReadOnlyList<NetlinkLink> links,
        IReadOnlyList<NetlinkAddress> addresses,
        IReadOnlyList<NetlinkRoute> routes,
        IReadOnlyList<NetlinkRule> rules) =>
        new(
            links.Select(ToLink).ToValueList(),
            addresses.Select(ToAddress).ToValueList(),
            routes.Where(IsManageable).Select(ToRoute).ToValueList(),
            rules.Select(ToRule).ToValueList());

    public static LinkSnapshot ToLink(NetlinkLink link) => new(
        link.Index,
        link.Name,
        link.Address,
        link.Mtu,
        link.IsUp,
        // Drivers that do not track operstate report UNKNOWN; IFF_RUNNING still tells.
        link.OperState == NetlinkOperState.Up || (link.OperState == NetlinkOperState.Unknown && link.IsRunning),
        link.Kind)
    {
        Ipv4 = ToIpv4DevConf(link.Ipv4DevConf),
        Ipv6 = ToIpv6State(link.Ipv6),
    };

    public static Ipv6LinkState ToIpv6State(NetlinkLinkIpv6 ipv6) => ipv6 switch
    {
        NetlinkLinkIpv6.Enabled => Ipv6LinkState.Enabled,
        NetlinkLinkIpv6.Disabled => Ipv6LinkState.Disabled,
        NetlinkLinkIpv6.Absent => Ipv6LinkState.Unavailable,
        _ => Ipv6LinkState.Unknown,
    };

    /// <summary>Null when the link has no IPv4 settings, or (never seen) lacks one of the three ids.</summary>
    public static Ipv4DevConf? ToIpv4DevConf(NetlinkIpv4DevConf? conf) =>
        conf?[NetlinkIpv4DevConfId.ArpIgnore] is { } ignore
        && conf[NetlinkIpv4DevConfId.ArpAnnounce] is { } announce
        && conf[NetlinkIpv4DevConfId.PromoteSecondaries] is { } promote
            ? new Ipv4DevConf(ignore, announce, promote)
            : null;

    public static AddressSnapshot ToAddress(NetlinkAddress address) => new(
        address.LinkIndex,
        new InterfaceAddress(address.Address, address.PrefixLength),
        (AddressFlags)(uint)address.Flags & KnownAddressFlags,
        (RouteScope)(byte)address.Scope);

    public static RouteSnapshot ToRoute(NetlinkRoute route) => new(
        route.Family,
        route.Table,
        route.Destination,
        route.Gateway,
        route.OutputLinkIndex,
        route.PreferredSource,
        (byte)route.Protocol,
        (RouteScope)(byte)route.Scope,
        (RouteType)(byte)route.Type,
        route.Priority);

    public static RuleSnapshot ToRule(NetlinkRule rule) => new(
        rule.Family,
        rule.Priority,
        rule.Source,
        rule.Destination,
        rule.Table,
        (byte)rule.Protocol,
        rule.SuppressPrefixLength,
        (RuleAction)(byte)rule.Action,
        rule.InputInterface,
        rule.FirewallMark);

    /// <summary>
    /// False for what the kernel maintains by itself and the agent never touches: the local table (local and
    /// broadcast routes of every address), IPv6 multicast and anycast routes, and cached clones.
    /// </summary>
    public static bool IsManageable(NetlinkRoute route) =>
        route.Table != NetlinkRouteTable.Local
        && (route.Flags & NetlinkRouteFlags.Cloned) == 0
        && !(route.Family == AddressFamily.InterNetworkV6
             && (route.Type is NetlinkRouteType.Multicast or NetlinkRouteType.Anycast || route.Destination.BaseAddress.IsIPv6Multicast));
}
