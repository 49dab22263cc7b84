using System.Net;
using System.Net.Sockets;

namespace EniAgent.Core.Kernel;

/// <summary>A route as the kernel reports it (any table).</summary>
public sealed record RouteSnapshot(
    AddressFamily Family,
    uint Table,
    IPNetwork Destination,
    IPAddress? Gateway,
    int? OutLinkIndex,
    IPAddress? PreferredSource,
    byte Protocol,
    RouteScope Scope,
    RouteType Type,
    uint? Metric);
