using System.Net;
using EniAgent.Cli.Tests.Daemon.Support;
using EniAgent.TestKit.Emulator;

namespace EniAgent.Cli.Tests.Daemon;

/// <summary>Changes made behind the daemon's back, metadata changes while it runs, and metadata outages.</summary>
public sealed class DaemonResilienceTests
{
    [Fact]
    public async Task A_rule_deleted_by_hand_comes_back()
    {
        await using var bed = await DaemonTestBed.CreateAsync(ScenarioBuilder.Typical(secondaries: 1), secondariesPresent: 1);
        await bed.StartDaemonReadyAsync();

        bed.Instance.Guest.Ip("rule", "del", "priority", "31000", "from", "192.168.2.10");
        bed.Instance.Guest.Ip("route", "del", "default", "table", "31000");

        await bed.WaitForAsync(() => bed.Instance.RulesFrom("192.168.2.10").Count == 2 && bed.Instance.Routes("31000").Contains("default"), "rule and route restored");
    }

    [Fact]
    public async Task Secondary_IPs_assigned_and_unassigned_while_running_follow_metadata()
    {
        await using var bed = await DaemonTestBed.CreateAsync(ScenarioBuilder.Typical(secondaries: 1), "daemon:\n  poll-interval: 1s\n", secondariesPresent: 1);
        await bed.StartDaemonReadyAsync();

        await bed.Emulator!.AssignIpAsync(ScenarioBuilder.Mac(2), IPAddress.Parse("192.168.2.11"));
        await bed.WaitForAsync(() => bed.Instance.RulesFrom("192.168.2.11").Count == 2 && bed.Instance.Addresses("eth1").Contains("192.168.2.11"), "the new IP configured");

        await bed.Emulator.UnassignIpAsync(ScenarioBuilder.Mac(2), IPAddress.Parse("192.168.2.11"));
        await bed.WaitForAsync(() => bed.Instance.RulesFrom("192.168.2.11").Count == 0 && !bed.Instance.Addresses("eth1").Contains("192.168.2.11"), "the IP removed");
        Assert.Equal(2, bed.Instance.RulesFrom("192.168.2.10").Count);
        Assert.Equal(["192.168.2.10"], bed.Instance.Addresses("eth1"));
    }

    [Fact]
    public async Task Metadata_outage_keeps_everything_and_the_daemon_recovers()
    {
        await using var bed = await DaemonTestBed.CreateAsync(ScenarioBuilder.Typical(secondaries: 1), "daemon:\n  poll-interval: 1s\n", secondariesPresent: 1);
        var daemon = await bed.StartDaemonReadyAsync();

        await bed.Emulator!.SetFaultsAsync(new FaultsBuilder().WithStatusBurst(503, 1_000_000).ToJson());
        await bed.WaitForAsync(() => bed.Notify.Has(m => m.StartsWith("STATUS=metadata unavailable, retrying in", StringComparison.Ordinal)), "STATUS saying metadata is unavailable");
        Assert.Equal(2, bed.Instance.RulesFrom("192.168.2.10").Count);
        Assert.Equal(["192.168.2.10"], bed.Instance.Addresses("eth1"));

        // During the outage the last known good metadata still repairs what is broken.
        bed.Instance.Guest.Ip("rule", "del", "priority", "31251", "from", "192.168.2.10");
        await bed.WaitForAsync(() => bed.Instance.RulesFrom("192.168.2.10").Count == 2, "the rule back during the outage");

        // The service is down for good: stop it; later it comes back.
        await bed.StopEmulatorAsync();
        var before = daemon.LogLines.Count;
        await bed.WaitForLogAsync("metadata unavailable", before);
        await bed.StartEmulatorAsync(ScenarioBuilder.Typical(secondaries: 1).ConfigureEni(ScenarioBuilder.Mac(2), e => e.WithSecondaryIps(IPAddress.Parse("192.168.2.12"))).Build());

        await bed.WaitForAsync(() => bed.Instance.RulesFrom("192.168.2.12").Count == 2, "the change made during the outage applied once metadata answers");
        Assert.True(daemon.LogContains("metadata answers again"), daemon.Log);
        await bed.WaitForAsync(() => bed.Notify.Messages[^1].StartsWith("STATUS=1 ENI(s) managed", StringComparison.Ordinal), "STATUS back to the summary");
        Assert.Equal(2, bed.Instance.RulesFrom("192.168.2.10").Count);
    }

    [Fact]
    public async Task A_manual_reconcile_while_the_daemon_runs_takes_turns_with_it()
    {
        await using var bed = await DaemonTestBed.CreateAsync(ScenarioBuilder.Typical(secondaries: 2), secondariesPresent: 2);
        var daemon = await bed.StartDaemonReadyAsync();

        // A change by hand makes both want to repair it at once; the lock makes them take turns.
        bed.Instance.Guest.Ip("rule", "del", "priority", "31000", "from", "192.168.2.10");
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => bed.ReconcileByHandAsync()));

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Process.Log));
        await bed.WaitForAsync(() => bed.Instance.RulesFrom("192.168.2.10").Count == 2, "the rule back");
        var (code, last) = await bed.ReconcileByHandAsync();
        Assert.Equal(0, code);
        Assert.Contains("0 change(s) applied", last.StandardOutput + last.Log, StringComparison.Ordinal);
        Assert.False(daemon.HasExited);
    }
}
