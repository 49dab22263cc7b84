using System.Net;
using System.Net.Sockets;
using EniAgent.Core.Kernel;

namespace EniAgent.Core.Desired;

/// <summary>A route the agent wants in an ENI's table; it always leaves by that ENI's link.</summary>
public sealed record RouteSpec(
    uint Table,
    IPNetwork Destination,
    IPAddress? Gateway,
    RouteScope Scope,
    IPAddress? PreferredSource)
{
    public AddressFamily Family => Destination.BaseAddress.AddressFamily;

    public override string ToString()
    {
        var via = Gateway is null ? string.Empty : $" via {Gateway}";
        var src = PreferredSource is null ? string.Empty : $" src {PreferredSource}";
        var dst = Destination.PrefixLength == 0 ? "default" : Destination.ToString();
        return $"{dst}{via}{src} table {Table}";
    }
}
