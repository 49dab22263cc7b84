using System.Text;
using EniAgent.Core;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;
using EniAgent.Rendering.Text;

namespace EniAgent.Rendering.Renderers;

/// <summary>
/// iproute2 argument lists (<c>ip route add ARGS</c>, <c>ip rule add ARGS</c>, <c>ip addr add ARGS</c>), the
/// vocabulary of ifupdown <c>up</c> lines, RHEL route-/rule- files, NetworkManager rule strings and wicked files.
/// </summary>
internal static class IpArgs
{
    /// <summary><c>DEST [via GW] [dev IF] [scope S] [src A] table N [proto P]</c>.</summary>
    public static string Route(RouteSpec route, string? device, byte? protocol)
    {
        var sb = new StringBuilder(route.Destination.PrefixLength == 0 ? "default" : IpText.Prefix(route.Destination));
        if (route.Gateway is { } gw)
        {
            sb.Append(" via ").Append(gw);
        }

        if (device is not null)
        {
            sb.Append(" dev ").Append(device);
        }

        AppendAttributes(sb, route, protocol);
        return sb.ToString();
    }

    /// <summary>The options after the destination/gateway/device columns: <c>[scope S] [src A] table N [proto P]</c>.</summary>
    public static string RouteOptions(RouteSpec route, byte? protocol)
    {
        var sb = new StringBuilder();
        AppendAttributes(sb, route, protocol);
        return sb.ToString().TrimStart();
    }

    /// <summary>
    /// <c>priority P from SRC [lookup|table] N [suppress_prefixlength S] [protocol P]</c>. <paramref name="allAsPrefix"/>
    /// writes <c>from all</c> as <c>0.0.0.0/0</c> / <c>::/0</c> (NetworkManager's rule parser wants an address).
    /// </summary>
    public static string Rule(RuleSpec rule, bool allAsPrefix, byte? protocol)
    {
        var from = rule.From is { } f ? IpText.Prefix(f) : allAsPrefix ? IpText.AnyPrefix(rule.Family) : "all";
        var sb = new StringBuilder()
            .Append("priority ").Append(IpText.Num(rule.Priority))
            .Append(" from ").Append(from)
            .Append(" table ").Append(IpText.Num(rule.Table));
        if (rule.SuppressPrefixLength is { } s)
        {
            sb.Append(" suppress_prefixlength ").Append(IpText.Num(s));
        }

        if (protocol is { } p)
        {
            sb.Append(" protocol ").Append(IpText.Num(p));
        }

        return sb.ToString();
    }

    /// <summary><c>ADDR/LEN dev IF [noprefixroute] [nodad]</c> per the spec's flags.</summary>
    public static string Address(AddressSpec address, string device)
    {
        var sb = new StringBuilder(IpText.Prefix(address.Address)).Append(" dev ").Append(device);
        if (address.Flags.HasFlag(AddressFlags.NoPrefixRoute))
        {
            sb.Append(" noprefixroute");
        }

        if (address.Flags.HasFlag(AddressFlags.NoDad) && IpText.IsV6(address.Address.Family))
        {
            sb.Append(" nodad");
        }

        return sb.ToString();
    }

    /// <summary><c>-4</c> or <c>-6</c>.</summary>
    public static string FamilyFlag(System.Net.Sockets.AddressFamily family) => IpText.IsV6(family) ? "-6" : "-4";

    private static void AppendAttributes(StringBuilder sb, RouteSpec route, byte? protocol)
    {
        if (IpText.ScopeName(route.Scope) is { } scope)
        {
            sb.Append(" scope ").Append(scope);
        }

        if (route.PreferredSource is { } src)
        {
            sb.Append(" src ").Append(src);
        }

        sb.Append(" table ").Append(IpText.Num(route.Table));
        if (protocol is { } p)
        {
            sb.Append(" proto ").Append(IpText.Num(p));
        }
    }
}
