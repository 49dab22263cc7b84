using System.Net;
using EniAgent.TestKit.Topology;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>The topologies the reconcile system tests run against.</summary>
internal static class Topologies
{
    public static readonly VSwitch Vsw1 = VSwitch.Numbered(1);
    public static readonly VSwitch Vsw2 = VSwitch.Numbered(2);
    public static readonly VSwitch Vsw3 = VSwitch.Numbered(3);

    /// <summary>
    /// eth0 192.168.1.10 (vSwitch 1); eth1 192.168.2.10 + .11 .12 (vSwitch 2); eth2 192.168.3.10 + .11 (vSwitch 3); each with
    /// IPv6 in its vSwitch's /64; peers 192.168.2.50 and 192.168.1.50; docker0 with a container at 172.17.0.2.
    /// </summary>
    public static EcsTopologyBuilder Full() => new EcsTopologyBuilder()
        .WithPrimary(Vsw1, Vsw1.Host(10), eni => eni.WithIpv6s(Vsw1.Ipv6Host(0x10)))
        .AddEni(Vsw2, Vsw2.Host(10), eni => eni.WithSecondaryIps(Vsw2.Host(11), Vsw2.Host(12)).WithIpv6s(Vsw2.Ipv6Host(0x10), Vsw2.Ipv6Host(0x11)))
        .AddEni(Vsw3, Vsw3.Host(10), eni => eni.WithSecondaryIps(Vsw3.Host(11)).WithIpv6s(Vsw3.Ipv6Host(0x10)))
        .AddPeer(Vsw2, Vsw2.Host(50), Vsw2.Ipv6Host(0x50))
        .AddPeer(Vsw1, Vsw1.Host(50), Vsw1.Ipv6Host(0x50))
        .WithDocker();

    /// <summary>eth0 plus <paramref name="secondaries"/> ENIs, each in its own vSwitch, IPv4 only; eth1 has secondary IPs .11 and .12.</summary>
    public static EcsTopologyBuilder Small(int secondaries = 2)
    {
        var builder = new EcsTopologyBuilder().WithPrimary(Vsw1, Vsw1.Host(10));
        for (var i = 1; i <= secondaries; i++)
        {
            var vswitch = VSwitch.Numbered(1 + i, ipv6: false);
            builder.AddEni(vswitch, vswitch.Host(10), eni =>
            {
                if (i == 1)
                {
                    eni.WithSecondaryIps(vswitch.Host(11), vswitch.Host(12));
                }
            });
        }

        return builder;
    }

    public static IPAddress Ip(string text) => IPAddress.Parse(text);
}
