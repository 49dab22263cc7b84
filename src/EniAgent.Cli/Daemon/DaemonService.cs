using System.Runtime.InteropServices;
using EniAgent.Cli.Commands;
using EniAgent.Netlink;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// The hosted service. Start: listen to SIGHUP and netlink first (so nothing that happens during the first pass
/// is missed), run the first pass, and only then return, so SystemdLifetime's READY=1 means "configured (or
/// clearly failed)". Then the loop runs until stop, which lets the ENI group in flight finish.
/// </summary>
internal sealed class DaemonService(AgentContext context, ConfigurationSource config, SafeNotifier notifier, IHostApplicationLifetime lifetime, TimeProvider time)
    : IHostedService, IDisposable
{
    private readonly ILogger _logger = context.Loggers.CreateLogger("EniAgent.Daemon");
    private readonly CancellationTokenSource _stop = new();
    private readonly TriggerQueue _queue = new(time);
    private readonly List<Task> _tasks = [];
    private PosixSignalRegistration? _sighup;
    private NetlinkMonitor? _monitor;
    private RtnlConnection? _dumps;
    private DaemonServices? _services;

    /// <summary>0 after a clean stop, 1 when the daemon had to give up (the netlink monitor failed).</summary>
    public int ExitCode { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = context.Options;
        var watchdog = Watchdog.IntervalFromEnvironment();
        DaemonLog.Starting(
            _logger,
            DaemonLog.Text(options.Daemon.PollInterval),
            DaemonLog.Text(options.Daemon.ResyncInterval),
            DaemonLog.Text(options.Daemon.HotplugDeadline),
            watchdog is { } w ? DaemonLog.Text(w) : "off");

        SignalDisposition.ResetToDefault(SignalDisposition.SigHup);
        _sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, signal =>
        {
            signal.Cancel = true;
            _queue.Post(TriggerReasons.Reload);
        });

        var filter = new KernelEventFilter(options.Routing);
        _monitor = NetlinkMonitor.Open();
        _dumps = RtnlConnection.Open();

        // Links are seeded after the monitor is listening and before the first pass reads the kernel: a link that
        // comes in between is either in the first pass or reported as new. What is there at start is no news.
        _ = filter.Reseed(await _dumps.GetLinksAsync(cancellationToken).ConfigureAwait(false));
        var pump = new NetlinkEventPump(_monitor, _dumps, filter, _queue, _logger);
        _tasks.Add(Guard(pump.RunAsync(_stop.Token)));

        _services = new DaemonServices(context, time);
        var loop = new DaemonLoop(options, config, _services, _queue, filter, notifier, time, new Random(), _logger);
        if (watchdog is { } interval)
        {
            _tasks.Add(new Watchdog(notifier, () => loop.BusyFor, time, _logger).RunAsync(interval, _stop.Token));
        }

        // The host cancels cancellationToken on SIGTERM during start: the first pass then stops like any other.
        try
        {
            await loop.RunPassAsync(new TriggerBatch(TriggerReasons.Startup, []), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while reading metadata or the kernel, before anything changed: a clean stop follows.
            return;
        }

        _tasks.Add(loop.RunAsync(_stop.Token));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        DaemonLog.Stopping(_logger);
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_tasks).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancellation is how the loops end.
        }

        DaemonLog.Stopped(_logger);
    }

    public void Dispose()
    {
        _sighup?.Dispose();
        _monitor?.Dispose();
        _dumps?.Dispose();
        _services?.Dispose();
        _stop.Dispose();
    }

    /// <summary>Without events the daemon would silently go stale: a failed monitor stops it so systemd restarts it.</summary>
    private async Task Guard(Task pump)
    {
        try
        {
            await pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // Whatever it was (a socket error, a message that does not decode), events are no longer seen.
            DaemonLog.MonitorFailed(_logger, $"{ex.GetType().Name}: {ex.Message}", ex);
            ExitCode = ExitCodes.Failed;
            lifetime.StopApplication();
            return;
        }

        if (!_stop.IsCancellationRequested)
        {
            DaemonLog.MonitorFailed(_logger, "the event stream ended", null);
            ExitCode = ExitCodes.Failed;
            lifetime.StopApplication();
        }
    }
}
