using System.Net;
using System.Net.Sockets;
using EniAgent.Cli.Tests.Commands;
using EniAgent.TestKit.Netns;
using EniAgent.TestKit.Topology;
using static EniAgent.Cli.Tests.Reconcile.Expect;
using static EniAgent.Cli.Tests.Reconcile.Topologies;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>
/// Delegated prefixes (metadata <c>ipv4-prefixes</c>, <c>ipv6-prefixes</c>) with real packets. The agent adds only the rules
/// <c>from &lt;prefix&gt;</c> (docs/routing.md); the addresses are the user's: here one on the ENI itself (a host service) and
/// one in a container-like namespace behind a veth with a /32 route in main (how CNIs use prefixes). The VPC router routes
/// each prefix to the ENI's primary IP, as the VPC delivers a delegated prefix to its ENI; strict rp_filter everywhere.
/// </summary>
public sealed class DelegatedPrefixTests
{
    private static readonly IPNetwork Prefix4 = IPNetwork.Parse("192.168.2.32/28");
    private static readonly IPNetwork Prefix6 = IPNetwork.Parse("2408:4005:325:a202:1::/80");
    private static readonly IPAddress Service4 = Ip("192.168.2.33");
    private static readonly IPAddress Pod4 = Ip("192.168.2.34");
    private static readonly IPAddress Service6 = Ip("2408:4005:325:a202:1::33");
    private static readonly IPAddress Pod6 = Ip("2408:4005:325:a202:1::34");

    [RootFact]
    public async Task Replies_from_prefix_addresses_leave_by_the_eni_that_holds_the_prefix()
    {
        await using var topology = await new EcsTopologyBuilder()
            .WithPrimary(Vsw1, Vsw1.Host(10), eni => eni.WithIpv6s(Vsw1.Ipv6Host(0x10)))
            .AddEni(Vsw2, Vsw2.Host(10), eni => eni.WithIpv6s(Vsw2.Ipv6Host(0x10)).WithMetadata(m => m.WithIpv4Prefixes(Prefix4).WithIpv6Prefixes(Prefix6)))
            .AddPeer(Vsw1, Vsw1.Host(50), Vsw1.Ipv6Host(0x50))
            .BuildAsync();
        using var pod = NetworkNamespace.Create("ecs-pod");
        RoutePrefixesToTheEni(topology);
        WirePod(topology.Guest, pod);

        Ok(await topology.RunAgentAsync("reconcile"));
        // A service bound to prefix addresses on the ENI itself, added by the user after the agent brought the ENI up.
        topology.Guest.Ip("address", "add", $"{Service4}/32", "dev", "eth1");
        topology.Guest.Ip("address", "add", $"{Service6}/128", "dev", "eth1", "nodad");

        Assert.Equal(2, KernelReader.Rules(topology.Guest).Count(r => r.Source == Prefix4.ToString() && r.Protocol == "201"));
        Assert.Equal(2, KernelReader.Rules(topology.Guest, AddressFamily.InterNetworkV6).Count(r => r.Source == Prefix6.ToString() && r.Protocol == "201"));
        await LeavesGuestThroughAsync(topology, topology.Internet, Service4, null, "eth1");
        await LeavesGuestThroughAsync(topology, topology.Internet, Service6, null, "eth1");
        await LeavesGuestThroughAsync(topology, topology.Internet, Pod4, null, "eth1", "vethp0");
        await LeavesGuestThroughAsync(topology, topology.Internet, Pod6, null, "eth1", "vethp0");
        // Level 1: from the prefix to another vSwitch of the instance (the primary's) by the ENI, not eth0's direct route.
        await LeavesGuestThroughAsync(topology, pod, Vsw1.Host(50), null, "eth1", "vethp0");

        const int reply = 256 * 1024;
        TcpExchangeResult? tcp = null;
        var exchange = await Egress.MeasureAsync(topology.Guest, async () =>
        {
            tcp = await Traffic.TcpExchangeAsync(pod, new IPEndPoint(Pod4, 0), topology.Internet, replyBytes: reply);
            return tcp.Succeeded;
        });
        Assert.True(exchange.Succeeded, $"internet -> {Pod4} over TCP: {tcp}; {exchange}");
        Assert.Equal(["eth1"], exchange.LinksThatSent(reply));

        Assert.Empty(ReconcileReport.Parse(Ok(await topology.RunAgentAsync("reconcile", "--json")).StandardOutput).Changes);
        Assert.Contains(Service4.ToString(), GuestRouting.AddressesOn(topology, "eth1"));
    }

    /// <summary>The VPC side of the delegation: each prefix is routed to the ENI's primary address in its vSwitch.</summary>
    private static void RoutePrefixesToTheEni(EcsTopology topology)
    {
        var eth1 = topology.Eni("eth1");
        topology.Vpc.Ip("route", "add", Prefix4.ToString(), "via", eth1.PrimaryIp.ToString(), "dev", Vsw2.BridgeName);
        topology.Vpc.Ip("-6", "route", "add", Prefix6.ToString(), "via", eth1.Ipv6s[0].ToString(), "dev", Vsw2.BridgeName);
    }

    /// <summary>A container holding one address of each prefix behind vethp0, routed as a CNI does (/32 and /128 routes in main).</summary>
    private static void WirePod(NetworkNamespace guest, NetworkNamespace pod)
    {
        Sysctl.Set(guest, ("net.ipv4.ip_forward", "1"), ("net.ipv6.conf.all.forwarding", "1"));
        guest.Ip("link", "add", "vethp0", "type", "veth", "peer", "name", "eth0", "netns", pod.Name);
        Sysctl.Set(guest, ("net.ipv4.conf.vethp0.rp_filter", "1"), ("net.ipv6.conf.vethp0.accept_dad", "0"));
        guest.Ip("address", "add", "169.254.1.1/32", "dev", "vethp0");
        guest.Ip("address", "add", "fe80::1/64", "dev", "vethp0", "nodad");
        guest.Ip("link", "set", "vethp0", "up");
        guest.Ip("route", "add", $"{Pod4}/32", "dev", "vethp0");
        guest.Ip("-6", "route", "add", $"{Pod6}/128", "dev", "vethp0");

        Sysctl.Set(pod, ("net.ipv6.conf.all.accept_dad", "0"), ("net.ipv6.conf.default.accept_dad", "0"), ("net.ipv6.conf.eth0.accept_dad", "0"));
        pod.Ip("address", "add", $"{Pod4}/32", "dev", "eth0");
        pod.Ip("address", "add", $"{Pod6}/128", "dev", "eth0", "nodad");
        pod.Ip("link", "set", "eth0", "up");
        pod.Ip("route", "add", "169.254.1.1/32", "dev", "eth0");
        pod.Ip("route", "add", "default", "via", "169.254.1.1", "dev", "eth0");
        pod.Ip("-6", "route", "add", "default", "via", "fe80::1", "dev", "eth0");
    }
}
