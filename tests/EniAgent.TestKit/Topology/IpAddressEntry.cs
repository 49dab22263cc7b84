using System.Net;
using System.Net.Sockets;

namespace EniAgent.TestKit.Topology;

/// <summary>One interface address as <c>ip -j address</c> shows it.</summary>
public sealed record IpAddressEntry(string Link, AddressFamily Family, IPAddress Address, int PrefixLength, string Scope, bool NoPrefixRoute)
{
    public override string ToString() => $"{Address}/{PrefixLength} dev {Link} scope {Scope}" + (NoPrefixRoute ? " noprefixroute" : string.Empty);
}
