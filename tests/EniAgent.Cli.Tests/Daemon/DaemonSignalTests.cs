using System.Net;
using EniAgent.Cli.Tests.Daemon.Support;
using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Processes;
using Xunit.Abstractions;

namespace EniAgent.Cli.Tests.Daemon;

/// <summary>SIGTERM in the middle of work and SIGHUP with good and broken configuration files (options and log level).</summary>
public sealed class DaemonSignalTests(ITestOutputHelper output)
{
    private const int Enis = 30;
    private const int IpsPerEni = 8;

    [Fact]
    public async Task SIGTERM_in_the_middle_of_work_leaves_no_half_configured_ENI()
    {
        var scenario = ScenarioBuilder.Typical(secondaries: Enis);
        foreach (var eni in Enumerable.Range(2, Enis))
        {
            scenario.ConfigureEni(ScenarioBuilder.Mac(eni), e => e.WithSecondaryIps([.. Enumerable.Range(11, IpsPerEni - 1).Select(i => IPAddress.Parse($"192.168.{eni}.{i}"))]));
        }

        await using var bed = await DaemonTestBed.CreateAsync(scenario, secondariesPresent: Enis);
        var daemon = bed.StartDaemon();

        // Stop as soon as the first ENI group starts applying.
        daemon.SignalOnLogLine(": + address ", ProcessSignal.SigTerm);
        Assert.Equal(0, await daemon.WaitForExitAsync());

        var configured = Enumerable.Range(2, Enis).Where(e => IsComplete(bed, e)).ToList();
        var untouched = Enumerable.Range(2, Enis).Where(e => IsUntouched(bed, e)).ToList();
        output.WriteLine($"SIGTERM left {configured.Count} ENI(s) configured and {untouched.Count} untouched");
        Assert.True(configured.Count + untouched.Count == Enis, "an ENI is half configured:\n" + bed.Describe() + "\n" + daemon.Log);
        Assert.True(untouched.Count == 0 || daemon.LogContains("stopped before"), daemon.Log);

        // A later one-shot reconcile converges, and the one after it has nothing left to do.
        var (first, run) = await bed.ReconcileByHandAsync();
        Assert.True(first == 0, run.Log);
        Assert.All(Enumerable.Range(2, Enis), e => Assert.True(IsComplete(bed, e), $"ENI {e} after reconcile:\n{bed.Describe()}"));
        var (second, again) = await bed.ReconcileByHandAsync();
        Assert.Equal(0, second);
        Assert.Contains("0 change(s) applied", again.StandardOutput + again.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SIGHUP_reloads_a_good_configuration_and_keeps_the_old_one_when_broken()
    {
        await using var bed = await DaemonTestBed.CreateAsync(ScenarioBuilder.Typical(secondaries: 1), secondariesPresent: 1);

        // Under nohup SIGHUP starts out ignored, which .NET respects: the daemon must take it back to reload.
        var daemon = await bed.StartDaemonReadyAsync(program: ["nohup", .. AgentCommand.Program()]);
        Assert.Equal("31000", bed.Instance.RulesFrom("192.168.2.10")[0].Table);

        await File.WriteAllTextAsync(bed.ConfigPath, "daemon:\n  poll-interval: soon\n");
        var before = daemon.LogLines.Count;
        daemon.Signal(ProcessSignal.SigHup);
        await bed.WaitForLogAsync("configuration not reloaded", before);
        Assert.Contains(daemon.LogLines.Skip(before), l => l.Contains(bed.ConfigPath + ":2:", StringComparison.Ordinal) && l.Contains("daemon.poll-interval", StringComparison.Ordinal));

        // Still running on the old configuration: a rule deleted by hand comes back, in the old table.
        bed.Instance.Guest.Ip("rule", "del", "priority", "31251", "from", "192.168.2.10");
        await bed.WaitForAsync(() => bed.Instance.RulesFrom("192.168.2.10").Count == 2, "the rule back");
        Assert.All(bed.Instance.RulesFrom("192.168.2.10"), r => Assert.Equal("31000", r.Table));

        await File.WriteAllTextAsync(bed.ConfigPath, "routing:\n  table-base: 32000\n");
        daemon.Signal(ProcessSignal.SigHup);
        await bed.WaitForAsync(
            () => bed.Instance.RulesFrom("192.168.2.10") is { Count: 2 } rules && rules.All(r => r.Table == "32000") && bed.Instance.Routes("31000").Count == 0,
            "rules and routes moved to table 32000");
        Assert.Contains("default", bed.Instance.Routes("32000"));
        Assert.True(daemon.LogContains("configuration reloaded from"), daemon.Log);
    }

    [Fact]
    public async Task SIGHUP_applies_a_new_log_level_and_a_broken_file_keeps_the_old_one()
    {
        await using var bed = await DaemonTestBed.CreateAsync(ScenarioBuilder.Typical(secondaries: 1), "log-level: information\n", secondariesPresent: 1);
        var daemon = await bed.StartDaemonReadyAsync(verbose: false);

        // At information, a pass after a kernel change logs "woke up" (debug) before "reconciled" (info): none yet.
        var debugBefore = await KernelChangeLogAsync(bed, daemon);
        Assert.True(!debugBefore.Any(IsDebug), daemon.Log);

        await File.WriteAllTextAsync(bed.ConfigPath, "log-level: debug\n");
        var reload = daemon.LogLines.Count;
        daemon.Signal(ProcessSignal.SigHup);
        await bed.WaitForLogAsync("configuration reloaded from", reload);
        await bed.WaitForLogAsync("nothing to change", reload);
        Assert.Contains(daemon.LogLines.Skip(reload), l => IsDebug(l) && l.Contains("reconciled (Reload), nothing to change", StringComparison.Ordinal));

        // A broken file (which would also ask for errors only) keeps the level in effect: debug.
        await File.WriteAllTextAsync(bed.ConfigPath, "log-level: error\ndaemon:\n  poll-interval: soon\n");
        var broken = daemon.LogLines.Count;
        daemon.Signal(ProcessSignal.SigHup);
        await bed.WaitForLogAsync("configuration not reloaded", broken);
        Assert.Contains(await KernelChangeLogAsync(bed, daemon), l => IsDebug(l) && l.Contains("woke up", StringComparison.Ordinal));
    }

    /// <summary>Deletes a rule by hand and returns the log lines up to the pass that put it back ("reconciled", info).</summary>
    private static async Task<List<string>> KernelChangeLogAsync(DaemonTestBed bed, AgentProcess daemon)
    {
        var from = daemon.LogLines.Count;
        bed.Instance.Guest.Ip("rule", "del", "priority", "31251", "from", "192.168.2.10");
        await bed.WaitForLogAsync("reconciled (KernelChanged", from);
        var lines = daemon.LogLines.Skip(from).ToList();
        return lines[..(lines.FindIndex(l => l.Contains("reconciled (KernelChanged", StringComparison.Ordinal)) + 1)];
    }

    private static bool IsDebug(string line) => line.StartsWith("DBG ", StringComparison.Ordinal) || line.StartsWith("<7>", StringComparison.Ordinal);

    private static bool IsComplete(DaemonTestBed bed, int eni) =>
        bed.Instance.Addresses(GuestInstance.LinkName(eni)).Count == IpsPerEni
        && Enumerable.Range(10, IpsPerEni).All(i => bed.Instance.RulesFrom($"192.168.{eni}.{i}").Count == 2);

    private static bool IsUntouched(DaemonTestBed bed, int eni) =>
        bed.Instance.Addresses(GuestInstance.LinkName(eni)).Count == 0
        && Enumerable.Range(10, IpsPerEni).All(i => bed.Instance.RulesFrom($"192.168.{eni}.{i}").Count == 0);
}
