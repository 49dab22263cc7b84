using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Topology;
using static EniAgent.Cli.Tests.Reconcile.Expect;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>README invariant and field.md §5.5: a bad or failing metadata service never removes working configuration.</summary>
public sealed class MetadataTrustTests
{
    [RootTheory]
    [InlineData("gateway", "192.168.3.253\n$(reboot)")]
    [InlineData("gateway", null)]
    [InlineData("network-interface-id", "eni-$(reboot)")]
    [InlineData("private-ipv4s", "[\"192.168.3.10\",")]
    public async Task A_configured_eni_whose_metadata_turns_bad_keeps_working(string item, string? value)
    {
        await using var topology = await Topologies.Small().BuildAsync();
        var (eth1, eth2) = (topology.Eni("eth1"), topology.Eni("eth2"));
        Ok(await topology.RunAgentAsync("reconcile"));
        var before = KernelState.Capture(topology.Guest);

        eth2.WithMetadata(m => _ = value is null ? m.WithoutItem(item) : m.WithItem(item, value));
        await topology.RefreshMetadataAsync();
        var result = Exit(1, await topology.RunAgentAsync("reconcile", "--json"));

        Assert.Equal("invalid", ReconcileReport.Parse(result.StandardOutput).Enis.Single(e => e.Interface == "eth2").Disposition);
        Unchanged(before, KernelState.Capture(topology.Guest));
        Assert.True(await Traffic.PingAsync(topology.Internet, eth2.PrimaryIp), "eth2 stopped answering");
        Assert.True(await Traffic.PingAsync(topology.Internet, eth1.PrimaryIp), "eth1 stopped answering");
    }

    [RootFact]
    public async Task A_short_burst_of_503_is_retried_and_converges()
    {
        await using var topology = await Topologies.Small(1).BuildAsync();
        await topology.Emulator.SetFaultsAsync(new FaultsBuilder().WithStatusBurst(503, 3).ToJson());

        Ok(await topology.RunAgentAsync("reconcile"));

        Assert.True(await Traffic.PingAsync(topology.Internet, topology.Eni("eth1").PrimaryIp), "eth1 does not answer");
    }

    [RootFact]
    public async Task A_metadata_service_that_keeps_failing_exits_69_and_removes_nothing()
    {
        await using var topology = await Topologies.Small(1).BuildAsync();
        Ok(await topology.RunAgentAsync("reconcile"));
        var before = KernelState.Capture(topology.Guest);

        await topology.Emulator.SetFaultsAsync(new FaultsBuilder().WithStatusBurst(503, 10_000).ToJson());
        Exit(69, await topology.RunAgentAsync("reconcile"));

        Unchanged(before, KernelState.Capture(topology.Guest));
    }
}
