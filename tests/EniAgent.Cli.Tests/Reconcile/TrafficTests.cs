using System.Net;
using System.Net.Sockets;
using EniAgent.TestKit.Topology;
using static EniAgent.Cli.Tests.Reconcile.Expect;
using static EniAgent.Cli.Tests.Reconcile.Topologies;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>
/// Issue 3 §6 a–e: after one <c>eniagent reconcile</c>, real packets take the paths docs/routing.md promises, with strict
/// rp_filter on the guest and on the router (the VPC source check stand-in). Egress is proven by the transmit byte
/// counters of the guest's links: 1200-byte pings make every reply stand out from background noise.
/// </summary>
public sealed class TrafficTests(ReconciledFullTopology fixture) : IClassFixture<ReconciledFullTopology>
{
    private EcsTopology Topology => fixture.Topology;

    [RootFact]
    public void Reconcile_configures_both_secondary_enis_and_exits_0()
    {
        Assert.True(fixture.Reconcile.ExitCode == 0, fixture.Reconcile.ToString());
        Assert.Contains("2 ENI(s) managed, 0 pending, 0 invalid", fixture.Reconcile.StandardOutput, StringComparison.Ordinal);
    }

    [RootFact]
    public void Before_reconcile_only_the_primary_answers_the_internet()
    {
        var answered = fixture.AnsweredBefore.Where(a => a.Value).Select(a => a.Key).ToHashSet();
        Assert.Equal(Topology.Primary.Addresses.ToHashSet(), answered);
    }

    [RootTheory]
    [InlineData("eth1", "192.168.2.10")]
    [InlineData("eth1", "192.168.2.11")]
    [InlineData("eth1", "192.168.2.12")]
    [InlineData("eth2", "192.168.3.10")]
    [InlineData("eth2", "192.168.3.11")]
    [InlineData("eth1", "2408:4005:325:a202::10")]
    [InlineData("eth1", "2408:4005:325:a202::11")]
    [InlineData("eth2", "2408:4005:325:a203::10")]
    public async Task Replies_to_the_internet_leave_through_the_enis_own_link(string eni, string address)
    {
        await LeavesGuestThroughAsync(Topology, Topology.Internet, Ip(address), null, eni);
    }

    [RootTheory]
    [InlineData("192.168.2.11", "192.168.2.50")]
    [InlineData("2408:4005:325:a202::11", "2408:4005:325:a202::50")]
    public async Task Traffic_to_the_enis_own_vswitch_leaves_through_the_eni(string source, string peer)
    {
        await LeavesGuestThroughAsync(Topology, Topology.Guest, Ip(peer), Ip(source), "eth1");
    }

    [RootFact]
    public async Task A_peer_in_the_vswitch_reaches_every_address_of_the_eni()
    {
        var peer = Topology.Peer(Vsw2.Host(50)).Namespace;
        foreach (var address in Topology.Eni("eth1").Addresses)
        {
            await LeavesGuestThroughAsync(Topology, peer, address, null, "eth1");
        }
    }

    [RootTheory]
    [InlineData("192.168.2.11", "192.168.1.50", "eth1")]
    [InlineData("2408:4005:325:a202::11", "2408:4005:325:a201::50", "eth1")]
    [InlineData("192.168.3.11", "192.168.2.50", "eth2")]
    public async Task Traffic_to_other_vswitches_of_the_instance_leaves_through_the_sources_eni(string source, string destination, string eni)
    {
        await LeavesGuestThroughAsync(Topology, Topology.Guest, Ip(destination), Ip(source), eni);
    }

    [RootFact]
    public async Task A_more_specific_main_route_still_wins_for_the_docker_container()
    {
        var container = Topology.Container!;
        await LeavesGuestThroughAsync(Topology, Topology.Guest, Topology.ContainerIpv4, Vsw2.Host(10), "docker0", "vethc0");

        const int reply = 256 * 1024;
        TcpExchangeResult? tcp = null;
        var exchange = await Egress.MeasureAsync(Topology.Guest, async () =>
        {
            tcp = await Traffic.TcpExchangeAsync(Topology.Guest, new IPEndPoint(Vsw2.Host(10), 0), container, replyBytes: reply);
            return tcp.Succeeded;
        });
        Assert.True(exchange.Succeeded, $"container -> 192.168.2.10 over TCP: {tcp}; {exchange}");
        Assert.Equal(["docker0", "vethc0"], exchange.LinksThatSent(reply));
    }

    [RootFact]
    public void The_main_table_is_unchanged_and_keeps_exactly_one_default_route_per_family()
    {
        // Bringing a link up makes the kernel (not the agent) add its IPv6 link-local route.
        var secondaries = Topology.Enis.Select(e => e.Name).ToHashSet();
        var linkLocal = fixture.MainAfter.Where(r => r is { Destination: "fe80::/64", Protocol: "kernel" } && secondaries.Contains(r.Device!)).ToList();
        Assert.Equal(secondaries.Count, linkLocal.Count);
        Assert.Equal(fixture.MainBefore.ToHashSet(), fixture.MainAfter.Except(linkLocal).ToHashSet());
        var defaults = fixture.MainAfter.Where(r => r.IsDefault).ToList();
        Assert.Equal(2, defaults.Count);
        Assert.Contains(defaults, r => r.Family == AddressFamily.InterNetwork && r.Gateway == Vsw1.Gateway.ToString() && r.Device == "eth0");
        Assert.Contains(defaults, r => r.Family == AddressFamily.InterNetworkV6 && r.Gateway == Vsw1.Ipv6Gateway!.ToString() && r.Device == "eth0");
        Assert.DoesNotContain(fixture.MainAfter, r => r.Protocol == "201");
    }

    [RootFact]
    public void Strict_reverse_path_filtering_is_on_in_the_guest_and_the_router()
    {
        string[] guest = ["all", "default", "eth0", "eth1", "eth2", "docker0"];
        string[] router = ["all", "default", "br1", "br2", "br3", "inet"];
        Assert.All(guest, link => Assert.Equal("1", Sysctl.Get(Topology.Guest, $"net.ipv4.conf.{link}.rp_filter")));
        Assert.All(router, link => Assert.Equal("1", Sysctl.Get(Topology.Vpc, $"net.ipv4.conf.{link}.rp_filter")));
        Assert.Equal("1", Sysctl.Get(Topology.Vpc, "net.ipv4.ip_forward"));
    }

    [RootFact]
    public void Every_rule_and_route_it_created_carries_protocol_201()
    {
        var rules = KernelReader.Rules(Topology.Guest).Where(r => r.Priority is not (0 or 32766 or 32767)).ToList();
        Assert.NotEmpty(rules);
        Assert.All(rules, r => Assert.Equal("201", r.Protocol));

        var routes = KernelReader.Routes(Topology.Guest).Where(r => r.Table is not ("main" or "local" or "default")).ToList();
        Assert.NotEmpty(routes);
        Assert.All(routes, r => Assert.Equal("201", r.Protocol));
    }

    [RootFact]
    public void The_primary_eni_gets_no_rules_and_keeps_its_addresses()
    {
        var primary = Topology.Primary.Addresses.Select(a => a.ToString()).ToHashSet();
        Assert.DoesNotContain(KernelReader.Rules(Topology.Guest), r => primary.Contains(r.Source.Split('/')[0]));
        var eth0 = KernelReader.Addresses(Topology.Guest, "eth0").Where(a => a.Scope == "global").Select(a => a.Address).ToHashSet();
        Assert.Equal(Topology.Primary.Addresses.ToHashSet(), eth0);
    }
}
