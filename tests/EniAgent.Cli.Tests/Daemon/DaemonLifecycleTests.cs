using EniAgent.Cli.Tests.Daemon.Support;
using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Processes;

namespace EniAgent.Cli.Tests.Daemon;

/// <summary>Start, sd_notify, stop, container refusal and life without metadata; the daemon runs as a child process.</summary>
public sealed class DaemonLifecycleTests
{
    [Fact]
    public async Task Configures_on_start_notifies_systemd_quiets_down_and_stops_on_SIGTERM()
    {
        await using var bed = await DaemonTestBed.CreateAsync(ScenarioBuilder.Typical(secondaries: 1), secondariesPresent: 1);

        var daemon = await bed.StartDaemonReadyAsync(new Dictionary<string, string> { ["WATCHDOG_USEC"] = "400000" });

        // READY=1 comes after the first reconcile, with its summary as STATUS.
        var messages = bed.Notify.Messages;
        var status = messages.ToList().FindIndex(m => m.StartsWith("STATUS=1 ENI(s) managed, 0 pending, 0 invalid;", StringComparison.Ordinal));
        Assert.True(status >= 0 && status < messages.ToList().IndexOf("READY=1"), bed.Describe());
        Assert.Equal(2, bed.Instance.RulesFrom("192.168.2.10").Count);
        await bed.WaitForAsync(() => bed.Notify.Messages.Count(m => m == "WATCHDOG=1") >= 3, "three WATCHDOG=1 keep-alives");

        // The echoes of its own changes do not make it reconcile again: after a SIGHUP's reconcile, only two ran.
        var before = daemon.LogLines.Count;
        daemon.Signal(ProcessSignal.SigHup);
        await bed.WaitForLogAsync("reconciled (Reload", before);
        Assert.Equal(2, daemon.CountLog("reconciled ("));
        Assert.False(daemon.LogContains("reconciled (KernelChanged"), bed.Describe());

        daemon.Signal(ProcessSignal.SigTerm);
        Assert.Equal(0, await daemon.WaitForExitAsync());
        // The datagram was queued before the exit, but the listener's receive loop may not have taken it yet.
        await bed.WaitForAsync(() => bed.Notify.Has("STOPPING=1"), "STOPPING=1");
        Assert.Equal(2, bed.Instance.RulesFrom("192.168.2.10").Count);
    }

    [Fact]
    public async Task Notifies_an_abstract_socket()
    {
        await using var bed = await DaemonTestBed.CreateAsync(ScenarioBuilder.Typical(secondaries: 0));
        bed.UseAbstractNotifySocket();

        await bed.StartDaemonReadyAsync();

        Assert.Contains(bed.Notify.Messages, m => m.StartsWith("STATUS=0 ENI(s) managed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_to_start_in_a_container_unless_allowed()
    {
        await using var bed = await DaemonTestBed.CreateAsync(scenario: null);
        await File.WriteAllTextAsync(Path.Combine(bed.Root, ".dockerenv"), string.Empty);

        var (code, refused) = await AgentProcess.RunAsync(bed.Instance.Guest.Name, ["daemon", .. bed.CommonArguments]);

        Assert.Equal(78, code);
        Assert.Contains("refusing to run inside a container (/.dockerenv exists)", refused.Log, StringComparison.Ordinal);
        Assert.Contains("daemon.allow-in-container", refused.Log, StringComparison.Ordinal);
        Assert.Empty(bed.Notify.Messages);

        // Allowed, and with no metadata service at all (not on ECS): it starts, says so, and stays up idle.
        await File.WriteAllTextAsync(bed.ConfigPath, "daemon:\n  allow-in-container: true\n");
        var daemon = await bed.StartDaemonReadyAsync();
        Assert.Contains(bed.Notify.Messages, m => m.StartsWith("STATUS=not on ECS: metadata never answered, idle", StringComparison.Ordinal));
        Assert.True(daemon.LogContains("running inside a container") && daemon.LogContains("/.dockerenv exists"), daemon.Log);
        Assert.False(daemon.HasExited);
        daemon.Signal(ProcessSignal.SigTerm);
        Assert.Equal(0, await daemon.WaitForExitAsync());
    }

    [Fact]
    public async Task Keeps_OpenSSL_out_of_its_memory()
    {
        // libcrypto + libssl cost ~3.7 MB of RSS for the daemon's lifetime once loaded; nothing it does needs them
        // (plain-HTTP metadata, temp names from Guid, managed SHA-1 for NetworkManager UUIDs). This renders a
        // keyfile too, the one path that hashes.
        await using var bed = await DaemonTestBed.CreateAsync(
            ScenarioBuilder.Typical(secondaries: 1), "persist:\n  renderer: networkmanager\n", secondariesPresent: 1);

        var daemon = await bed.StartDaemonReadyAsync();

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(bed.Root, "etc/NetworkManager/system-connections"), "*.nmconnection"));
        var maps = await File.ReadAllLinesAsync($"/proc/{daemon.Id}/maps");
        Assert.DoesNotContain(maps, line => line.Contains("libcrypto", StringComparison.Ordinal) || line.Contains("libssl", StringComparison.Ordinal));
        daemon.Signal(ProcessSignal.SigTerm);
        Assert.Equal(0, await daemon.WaitForExitAsync());
    }
}
