using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EniAgent.Core;
using EniAgent.Core.Kernel;

namespace EniAgent.Rendering.Text;

/// <summary>Invariant text forms of the typed values renderers write.</summary>
internal static class IpText
{
    public static string Num(uint value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static bool IsV6(AddressFamily family) => family == AddressFamily.InterNetworkV6;

    public static string Address(IPAddress address) => address.ToString();

    public static string Prefix(IPNetwork network) => $"{network.BaseAddress}/{Num(network.PrefixLength)}";

    public static string Prefix(InterfaceAddress address) => $"{address.Address}/{Num(address.PrefixLength)}";

    /// <summary>The explicit all-addresses prefix of a family (<c>0.0.0.0/0</c> or <c>::/0</c>).</summary>
    public static string AnyPrefix(AddressFamily family) => IsV6(family) ? "::/0" : "0.0.0.0/0";

    /// <summary>iproute2 scope names; null for the default (global).</summary>
    public static string? ScopeName(RouteScope scope) => scope switch
    {
        RouteScope.Universe => null,
        RouteScope.Site => "site",
        RouteScope.Link => "link",
        RouteScope.Host => "host",
        RouteScope.Nowhere => "nowhere",
        _ => Num((int)scope),
    };

    /// <summary>Dotted IPv4 netmask for a prefix length.</summary>
    public static string Netmask(int prefixLength) =>
        InterfaceAddress.Mask(IPAddress.Broadcast, prefixLength).ToString();
}
