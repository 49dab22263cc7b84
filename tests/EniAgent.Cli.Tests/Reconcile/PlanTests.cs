using EniAgent.TestKit.Topology;
using static EniAgent.Cli.Tests.Reconcile.Expect;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>Idempotence and <c>--dry-run</c>, against the real kernel of a guest namespace.</summary>
public sealed class PlanTests
{
    [RootFact]
    public async Task A_second_reconcile_changes_nothing()
    {
        await using var topology = await Topologies.Small().BuildAsync();
        Ok(await topology.RunAgentAsync("reconcile"));
        var before = KernelState.Capture(topology.Guest);

        var second = Ok(await topology.RunAgentAsync("reconcile", "--json"));

        var report = ReconcileReport.Parse(second.StandardOutput);
        Assert.Empty(report.Changes);
        Assert.Equal(0, report.ExitCode);
        Unchanged(before, KernelState.Capture(topology.Guest));
    }

    [RootFact]
    public async Task Dry_run_prints_the_plan_changes_nothing_and_then_the_apply_does_exactly_that()
    {
        await using var topology = await Topologies.Small(1).BuildAsync();
        var before = KernelState.Capture(topology.Guest);

        var text = Ok(await topology.RunAgentAsync("reconcile", "--dry-run")).StandardOutput;
        var planned = ReconcileReport.Parse(Ok(await topology.RunAgentAsync("reconcile", "--dry-run", "--json")).StandardOutput);

        Unchanged(before, KernelState.Capture(topology.Guest));
        Assert.False(File.Exists(topology.RootPath("/var/lib/eniagent/state.json")), "a dry run wrote the state file");
        string[] expected =
        [
            "+ rule 31250: from all lookup main suppress_prefixlength 0",
            "~ link eth1 up",
            "+ address 192.168.2.10/24 dev eth1 noprefixroute",
            "+ address 192.168.2.12/24 dev eth1 noprefixroute",
            "+ route 192.168.2.0/24 dev eth1 src 192.168.2.10 table 31000",
            "+ route default via 192.168.2.253 dev eth1 src 192.168.2.10 table 31000",
            "+ rule 31000: from 192.168.2.11/32 lookup 31000 suppress_prefixlength 0",
            "+ rule 31251: from 192.168.2.11/32 lookup 31000",
        ];
        var lines = text.Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        Assert.All(expected, line => Assert.Contains(line, lines));
        Assert.All(expected, line => Assert.Contains(line, planned.Changes));

        var applied = ReconcileReport.Parse(Ok(await topology.RunAgentAsync("reconcile", "--json")).StandardOutput);
        Assert.Equal(planned.Changes, applied.Changes);
    }
}
