using System.Net.Sockets;
using EniAgent.TestKit.Topology;
using static EniAgent.Cli.Tests.Reconcile.Expect;
using static EniAgent.Cli.Tests.Reconcile.Topologies;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>What the next reconcile does after the cloud changes: detach, secondary IPs assigned and unassigned.</summary>
public sealed class LifecycleTests
{
    private static readonly PingOptions Once = new() { Attempts = 1 };

    [RootTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Detaching_an_eni_removes_its_rules_and_leaves_the_other_eni_alone(bool metadataFirst)
    {
        await using var topology = await Small().BuildAsync();
        var (eth1, eth2) = (topology.Eni("eth1"), topology.Eni("eth2"));
        Ok(await topology.RunAgentAsync("reconcile"));
        var eth2Rules = GuestRouting.RulesOf(topology, eth2);
        var eth2Routes = KernelReader.Routes(topology.Guest, AddressFamily.InterNetwork, "31001");
        Assert.NotEmpty(GuestRouting.RulesOf(topology, eth1));

        if (metadataFirst)
        {
            await topology.DetachMetadataAsync(eth1);
            Ok(await topology.RunAgentAsync("reconcile"));
            Assert.Empty(GuestRouting.RulesOf(topology, eth1));
            Assert.Empty(GuestRouting.AddressesOn(topology, "eth1"));
            topology.UnplugLink(eth1);
        }
        else
        {
            topology.UnplugLink(eth1);
            Ok(await topology.RunAgentAsync("reconcile"));
            Assert.Empty(GuestRouting.RulesOf(topology, eth1));
            await topology.DetachMetadataAsync(eth1);
        }

        Ok(await topology.RunAgentAsync("reconcile"));

        Assert.Empty(GuestRouting.RulesOf(topology, eth1));
        Assert.DoesNotContain(KernelReader.Rules(topology.Guest), r => r.Table == "31000");
        Assert.Empty(KernelReader.Routes(topology.Guest, AddressFamily.InterNetwork, "31000"));
        Assert.Equal(eth2Rules, GuestRouting.RulesOf(topology, eth2));
        // eth1's vSwitch is no longer one of the instance's: eth2's table drops its route there, and only that.
        Assert.Equal(eth2Routes.Where(r => r.Destination != Vsw2.Ipv4Cidr.ToString()), KernelReader.Routes(topology.Guest, AddressFamily.InterNetwork, "31001"));
        Assert.True(await Traffic.PingAsync(topology.Internet, eth2.PrimaryIp), "eth2 stopped answering");
    }

    [RootFact]
    public async Task Detaching_every_eni_removes_everything_it_created()
    {
        await using var topology = await Small().BuildAsync();
        Ok(await topology.RunAgentAsync("reconcile"));

        foreach (var eni in topology.Enis)
        {
            await topology.DetachAsync(eni);
        }

        Ok(await topology.RunAgentAsync("reconcile"));
        Assert.Empty(GuestRouting.Owned(topology));
    }

    [RootFact]
    public async Task Unassigning_a_secondary_ip_removes_that_address_and_its_rules_only()
    {
        await using var topology = await Small(1).BuildAsync();
        var eth1 = topology.Eni("eth1");
        var gone = Vsw2.Host(11);
        Ok(await topology.RunAgentAsync("reconcile"));
        Assert.True(await Traffic.PingAsync(topology.Internet, gone));
        var before = KernelState.Capture(topology.Guest);

        await topology.UnassignIpAsync(eth1, gone);
        var report = ReconcileReport.Parse(Ok(await topology.RunAgentAsync("reconcile", "--json")).StandardOutput);

        Assert.Equal(
            ["- address 192.168.2.11/24 dev eth1", "- rule 31000: from 192.168.2.11/32 lookup 31000 suppress_prefixlength 0", "- rule 31251: from 192.168.2.11/32 lookup 31000"],
            report.Changes.Order(StringComparer.Ordinal));
        var differences = before.Differences(KernelState.Capture(topology.Guest));
        Assert.NotEmpty(differences);
        Assert.All(differences, d => Assert.True(d.StartsWith("- ", StringComparison.Ordinal) && d.Contains("192.168.2.11", StringComparison.Ordinal), d));
        Assert.False(await Traffic.PingAsync(topology.Internet, gone, options: Once), $"{gone} still answers");
        Assert.True(await Traffic.PingAsync(topology.Internet, Vsw2.Host(12)), "192.168.2.12 stopped answering");
    }

    [RootFact]
    public async Task A_secondary_ip_assigned_later_answers_after_the_next_reconcile()
    {
        await using var topology = await Small(1).BuildAsync();
        var eth1 = topology.Eni("eth1");
        var added = Vsw2.Host(13);
        Ok(await topology.RunAgentAsync("reconcile"));

        await topology.AssignIpAsync(eth1, added);
        Assert.False(await Traffic.PingAsync(topology.Internet, added, options: Once), $"{added} answered before the reconcile");
        Ok(await topology.RunAgentAsync("reconcile"));

        await LeavesGuestThroughAsync(topology, topology.Internet, added, null, "eth1");
    }

    [RootTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_new_eni_is_configured_whether_its_link_or_its_metadata_comes_first(bool linkFirst)
    {
        var vsw3 = VSwitch.Numbered(3, ipv6: false);
        await using var topology = await Small(1).AddEni(vsw3, vsw3.Host(10), eni => eni.NotInMetadata().Unplugged()).BuildAsync();
        var eth2 = topology.Eni("eth2");
        Ok(await topology.RunAgentAsync("reconcile"));

        if (linkFirst)
        {
            topology.PlugLink(eth2);
            Ok(await topology.RunAgentAsync("reconcile"));
            Assert.False(KernelReader.Link(topology.Guest, "eth2").AdminUp, "a link metadata does not list was brought up");
            Assert.Empty(GuestRouting.AddressesOn(topology, "eth2"));
            await topology.AttachMetadataAsync(eth2);
        }
        else
        {
            await topology.AttachMetadataAsync(eth2);
            var report = ReconcileReport.Parse(Ok(await topology.RunAgentAsync("reconcile", "--json")).StandardOutput);
            Assert.Equal("pending", Assert.Single(report.Enis, e => e.EniId == eth2.EniId).Disposition);
            topology.PlugLink(eth2);
        }

        Ok(await topology.RunAgentAsync("reconcile"));
        await LeavesGuestThroughAsync(topology, topology.Internet, eth2.PrimaryIp, null, "eth2");
    }
}
