using System.Net.Sockets;
using EniAgent.TestKit.Topology;
using static EniAgent.Cli.Tests.Reconcile.Expect;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>Issue 3 §6 f: stable table and priority numbers per ENI, and slots someone else uses are skipped.</summary>
public sealed class SlotTests
{
    [RootFact]
    public async Task Each_eni_keeps_its_table_and_priorities_across_runs_detach_and_reattach()
    {
        var vsw5 = VSwitch.Numbered(5, ipv6: false);
        await using var topology = await Topologies.Small(3)
            .AddEni(vsw5, vsw5.Host(10), eni => eni.NotInMetadata().Unplugged())
            .BuildAsync();
        var (eth1, eth2, eth3, eth4) = (topology.Eni("eth1"), topology.Eni("eth2"), topology.Eni("eth3"), topology.Eni("eth4"));
        Ok(await topology.RunAgentAsync("reconcile"));
        var first = Slots(topology, eth1, eth2, eth3);
        Assert.Equal(("31000", 31000, 31251), first[0]);
        Assert.Equal(("31001", 31001, 31252), first[1]);
        Assert.Equal(("31002", 31002, 31253), first[2]);

        Ok(await topology.RunAgentAsync("reconcile"));
        Assert.Equal(first, Slots(topology, eth1, eth2, eth3));

        await topology.DetachAsync(eth1);
        Ok(await topology.RunAgentAsync("reconcile"));
        Assert.Contains(eth1.EniId, await File.ReadAllTextAsync(topology.RootPath("/var/lib/eniagent/state.json")), StringComparison.Ordinal);

        // A new ENI arriving while eth1 is away does not take eth1's reserved slot.
        await topology.AttachAsync(eth4);
        Ok(await topology.RunAgentAsync("reconcile"));
        Assert.Equal(("31003", 31003, 31254), GuestRouting.SlotOf(topology, eth4));

        await topology.AttachAsync(eth1);
        Ok(await topology.RunAgentAsync("reconcile"));
        Assert.Equal(first, Slots(topology, eth1, eth2, eth3));
        Assert.True(await Traffic.PingAsync(topology.Internet, eth1.PrimaryIp), "eth1 does not answer after re-attach");
    }

    [RootFact]
    public async Task A_foreign_route_in_table_31000_makes_the_agent_skip_that_slot_and_say_so()
    {
        await using var topology = await Topologies.Small(1).BuildAsync();
        var eth1 = topology.Eni("eth1");
        topology.Guest.Ip("route", "add", "10.99.0.0/16", "via", topology.Primary.VSwitch.Gateway.ToString(), "dev", "eth0", "table", "31000");

        var report = ReconcileReport.Parse(Ok(await topology.RunAgentAsync("reconcile", "--json")).StandardOutput);

        Assert.Contains("table 31000 is used by another tool; its slot is skipped", report.Warnings);
        Assert.Equal(("31001", 31001, 31252), GuestRouting.SlotOf(topology, eth1));
        var foreign = Assert.Single(KernelReader.Routes(topology.Guest, AddressFamily.InterNetwork, "31000"));
        Assert.Equal(("10.99.0.0/16", "eth0"), (foreign.Destination, foreign.Device));
        Assert.True(await Traffic.PingAsync(topology.Internet, eth1.PrimaryIp), "eth1 does not answer");
    }

    private static List<(string Table, int SubnetPriority, int DefaultPriority)> Slots(EcsTopology topology, params TopologyEni[] enis) =>
        [.. enis.Select(e => GuestRouting.SlotOf(topology, e))];
}
