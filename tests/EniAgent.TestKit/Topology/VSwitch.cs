using System.Globalization;
using System.Net;
using EniAgent.TestKit.Emulator;

namespace EniAgent.TestKit.Topology;

/// <summary>
/// One vSwitch of the emulated VPC: a bridge in the router namespace holding the gateway addresses, derived the way
/// Alibaba Cloud (and <see cref="ScenarioBuilder"/>) derive them: <c>.253</c> in a /24, <c>...:ffff:ffff:ffff:fff7</c> in the /64.
/// </summary>
public sealed record VSwitch
{
    public VSwitch(int number, IPNetwork ipv4Cidr, IPNetwork? ipv6Cidr = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 999);
        if (ipv4Cidr.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"{ipv4Cidr} is not an IPv4 network", nameof(ipv4Cidr));
        }

        if (ipv6Cidr is { } v6 && v6.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            throw new ArgumentException($"{v6} is not an IPv6 network", nameof(ipv6Cidr));
        }

        Number = number;
        Ipv4Cidr = ipv4Cidr;
        Ipv6Cidr = ipv6Cidr;
    }

    /// <summary>Distinguishes vSwitches inside one topology; names the bridge <c>brN</c>.</summary>
    public int Number { get; }

    public IPNetwork Ipv4Cidr { get; }

    public IPNetwork? Ipv6Cidr { get; }

    public IPAddress Gateway => AddressMath.FromEnd(Ipv4Cidr, 2);

    public IPAddress? Ipv6Gateway => Ipv6Cidr is { } v6 ? AddressMath.FromEnd(v6, 8) : null;

    /// <summary>The bridge in the router namespace standing in for this vSwitch.</summary>
    public string BridgeName => "br" + Number.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>192.168.N.0/24</c> and, with <paramref name="ipv6"/>, <c>2408:4005:325:a2NN::/64</c> (NN in hex).</summary>
    public static VSwitch Numbered(int number, bool ipv6 = true)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 255);
        var v4 = IPNetwork.Parse($"192.168.{number}.0/24");
        return new VSwitch(number, v4, ipv6 ? IPNetwork.Parse($"2408:4005:325:a2{number:x2}::/64") : null);
    }

    /// <summary>Address <paramref name="host"/> inside the IPv4 subnet (e.g. 10 → 192.168.N.10).</summary>
    public IPAddress Host(int host) => AddressMath.Offset(Ipv4Cidr.BaseAddress, host);

    /// <summary>Address <paramref name="host"/> inside the IPv6 subnet (e.g. 0x10 → ...::10).</summary>
    public IPAddress Ipv6Host(int host) =>
        AddressMath.Offset((Ipv6Cidr ?? throw new InvalidOperationException($"vSwitch {Number} has no IPv6 CIDR")).BaseAddress, host);
}
