using EniAgent.Platform.Locking;
using EniAgent.TestKit.Processes;
using EniAgent.TestKit.Stacks;
using EniAgent.TestKit.Topology;
using static EniAgent.Cli.Tests.Reconcile.Expect;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>Exit codes and what is (not) changed when something is wrong: bad metadata, no metadata, no privilege, bad config, a concurrent run.</summary>
public sealed class FailureTests
{
    private const string WaitingLine = "waiting for the reconcile lock";

    [RootFact]
    public async Task A_hostile_metadata_value_makes_only_that_eni_invalid_and_exits_1()
    {
        var builder = Topologies.Small();
        builder.Secondaries[1].WithMetadata(m => m.WithItem("gateway", "192.168.3.253\n$(reboot)"));
        await using var topology = await builder.BuildAsync();
        var (eth1, eth2) = (topology.Eni("eth1"), topology.Eni("eth2"));

        var result = Exit(1, await topology.RunAgentAsync("reconcile", "--json"));

        var report = ReconcileReport.Parse(result.StandardOutput);
        Assert.Equal("invalid", report.Of("eth2").Disposition);
        Assert.Contains("gateway", report.Of("eth2").Reason, StringComparison.Ordinal);
        Assert.Equal("managed", report.Of("eth1").Disposition);
        Assert.Empty(GuestRouting.RulesOf(topology, eth2));
        Assert.Empty(GuestRouting.AddressesOn(topology, "eth2"));
        Assert.False(KernelReader.Link(topology.Guest, "eth2").AdminUp, "the invalid ENI was brought up");
        Assert.True(await Traffic.PingAsync(topology.Internet, eth1.PrimaryIp), "eth1 does not answer");
    }

    [RootFact]
    public async Task With_the_metadata_service_down_it_exits_69_and_removes_nothing()
    {
        await using var topology = await Topologies.Small(1).BuildAsync();
        Ok(await topology.RunAgentAsync("reconcile"));
        var before = KernelState.Capture(topology.Guest);

        await topology.StopEmulatorAsync();
        var result = Exit(69, await topology.RunAgentAsync("reconcile"));

        Assert.Contains("metadata service unavailable", result.StandardError, StringComparison.Ordinal);
        Unchanged(before, KernelState.Capture(topology.Guest));
        Assert.True(await Traffic.PingAsync(topology.Internet, topology.Eni("eth1").PrimaryIp), "eth1 stopped answering");
    }

    [RootFact]
    public async Task Without_privileges_it_exits_77_and_changes_nothing()
    {
        await using var topology = await Topologies.Small(1).BuildAsync();
        var before = KernelState.Capture(topology.Guest);

        var result = Exit(77, await topology.RunAgentAsync(new AgentRunOptions { Unprivileged = true }, "reconcile"));

        Assert.Contains("needs root", result.StandardError, StringComparison.Ordinal);
        Unchanged(before, KernelState.Capture(topology.Guest));

        // What the refusal suggests works without privileges.
        var dryRun = Ok(await topology.RunAgentAsync(new AgentRunOptions { Unprivileged = true }, "reconcile", "--dry-run"));
        Assert.Contains("+ rule 31000: from 192.168.2.10/32 lookup 31000 suppress_prefixlength 0", dryRun.StandardOutput, StringComparison.Ordinal);
        Unchanged(before, KernelState.Capture(topology.Guest));
    }

    [RootFact]
    public async Task An_invalid_configuration_file_exits_78_naming_the_file_and_line()
    {
        await using var topology = await Topologies.Small(1).BuildAsync();
        const string config = "/etc/eniagent/eniagent.yaml";
        await topology.WriteRootFileAsync(config, "routing:\n  table-base: 31000\n  max-enis: many\n");
        var before = KernelState.Capture(topology.Guest);

        var result = Exit(78, await topology.RunAgentAsync("reconcile"));

        Assert.Contains($"{topology.RootPath(config)}:3:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("routing.max-enis", result.StandardError, StringComparison.Ordinal);
        Unchanged(before, KernelState.Capture(topology.Guest));
    }

    [RootFact]
    public async Task Two_concurrent_reconciles_wait_for_the_lock_and_agree()
    {
        await using var topology = await Topologies.Small().BuildAsync();
        var timeout = AgentRunOptions.Default.Timeout;
        var before = KernelState.Capture(topology.Guest);
        ProcessResult first, second;
        using (var held = FileLock.TryAcquire(topology.RootPath("/run/eniagent/lock")))
        {
            Assert.NotNull(held);
            await using var one = topology.StartAgent(AgentRunOptions.Default, "reconcile");
            await using var two = topology.StartAgent(AgentRunOptions.Default, "reconcile");
            await Eventually.HoldsAsync(
                () => Task.FromResult(one.StandardError.Contains(WaitingLine, StringComparison.Ordinal) && two.StandardError.Contains(WaitingLine, StringComparison.Ordinal)),
                () => Task.FromResult($"both reconciles should say they wait for the lock:\n{one.StandardError}\n---\n{two.StandardError}"));
            Unchanged(before, KernelState.Capture(topology.Guest));

            held.Dispose();
            (first, second) = (await one.WaitForExitAsync(timeout), await two.WaitForExitAsync(timeout));
        }

        Ok(first);
        Ok(second);
        var third = ReconcileReport.Parse(Ok(await topology.RunAgentAsync("reconcile", "--json")).StandardOutput);
        Assert.Empty(third.Changes);
        var rules = KernelReader.Rules(topology.Guest).Select(r => r.ToString()).ToList();
        Assert.True(rules.Distinct().Count() == rules.Count, $"duplicate rules:\n{string.Join('\n', rules)}\n--- first\n{first}\n--- second\n{second}");
        Assert.True(await Traffic.PingAsync(topology.Internet, topology.Eni("eth2").PrimaryIp), "eth2 does not answer");
    }
}
