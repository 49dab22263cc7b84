using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EniAgent.Core;
using EniAgent.Core.Planning;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// One text key per kernel object change, built the same way from a netlink event and from a plan step the
/// agent applied, so the echo of the agent's own change is recognised (<see cref="OwnChanges"/>).
/// </summary>
internal static class ChangeKeys
{
    public static string Address(bool added, int linkIndex, InterfaceAddress address) =>
        string.Create(CultureInfo.InvariantCulture, $"addr{Sign(added)} {linkIndex} {address}");

    public static string Route(bool added, uint table, IPNetwork destination) =>
        string.Create(CultureInfo.InvariantCulture, $"route{Sign(added)} {table} {destination}");

    public static string Rule(bool added, AddressFamily family, uint priority, IPNetwork? from, uint table) =>
        string.Create(CultureInfo.InvariantCulture, $"rule{Sign(added)} {(family == AddressFamily.InterNetworkV6 ? 6 : 4)} {priority} {from?.ToString() ?? "all"} {table}");

    public static string LinkAdmin(bool up, int linkIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"link{Sign(up)} {linkIndex}");

    /// <summary>IPv6 became usable (disable_ipv6 0) or unusable on a link; no plan step causes it.</summary>
    public static string LinkIpv6(bool usable, int linkIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"link6{Sign(usable)} {linkIndex}");

    /// <summary>The key of the kernel event a step causes; null for a step without one.</summary>
    public static string? Of(PlanStep step) => step switch
    {
        AddAddressStep s => Address(true, s.LinkIndex, s.Address.Address),
        RemoveAddressStep s => Address(false, s.LinkIndex, s.Address),
        AddRouteStep s => Route(true, s.Route.Table, s.Route.Destination),
        RemoveRouteStep s => Route(false, s.Route.Table, s.Route.Destination),
        AddRuleStep s => Rule(true, s.Rule.Family, s.Rule.Priority, s.Rule.From, s.Rule.Table),
        RemoveRuleStep s => Rule(false, s.Rule.Family, s.Rule.Priority, s.Rule.From, s.Rule.Table),
        SetLinkUpStep s => LinkAdmin(true, s.LinkIndex),
        _ => null,
    };

    private static char Sign(bool added) => added ? '+' : '-';
}
