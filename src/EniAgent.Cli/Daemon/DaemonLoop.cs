using EniAgent.Cli.Reconciliation;
using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Core.Metadata;
using EniAgent.Platform.Locking;
using Microsoft.Extensions.Logging;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// The daemon's single worker: waits on the trigger queue and its timers, decides whether metadata must be read
/// again or the last good snapshot will do, and runs one reconcile at a time under the reconcile lock. Idle means
/// blocked in <see cref="TriggerQueue.WaitAsync"/> until the next event or timer.
/// </summary>
internal sealed class DaemonLoop
{
    /// <summary>A manual <c>eniagent reconcile</c> takes well under a second; longer means something is stuck.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private readonly ConfigurationSource _config;
    private readonly DaemonServices _services;
    private readonly TriggerQueue _queue;
    private readonly KernelEventFilter _filter;
    private readonly SafeNotifier _notifier;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OwnChanges _own;
    private readonly HotplugWatch _hotplug;
    private readonly MetadataTracker _metadata;
    private readonly DaemonSchedule _schedule;
    private readonly MetadataObserver _observer;
    private AgentOptions _options;
    private string _summary = "starting";
    private long _busySince;

    public DaemonLoop(AgentOptions options, ConfigurationSource config, DaemonServices services, TriggerQueue queue, KernelEventFilter filter, SafeNotifier notifier, TimeProvider time, Random random, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_options, _config, _services, _queue, _filter, _notifier, _time, _logger) = (options, config, services, queue, filter, notifier, time, logger);
        _own = new OwnChanges(time);
        _hotplug = new HotplugWatch(time);
        _metadata = new MetadataTracker(time, random);
        _schedule = new DaemonSchedule(options.Daemon, time, random);
        _observer = new MetadataObserver(services, _metadata, _hotplug, _schedule, notifier, logger);
    }

    /// <summary>How long the current pass has been working; null while waiting. The watchdog reads it.</summary>
    public TimeSpan? BusyFor => Volatile.Read(ref _busySince) is var since and not 0 ? _time.GetElapsedTime(since) : null;

    /// <summary>Runs passes until <paramref name="stop"/>; the pass in flight finishes its ENI group first.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var batch = await _queue.WaitAsync(_schedule.UntilNext(_metadata, _hotplug), stop).ConfigureAwait(false);
                await RunPassAsync(batch, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// One pass: the work <paramref name="batch"/> and the due timers ask for. Whatever goes wrong is logged and
    /// retried after a backoff: the loop must never die silently and leave a daemon that looks alive.
    /// </summary>
    public async Task RunPassAsync(TriggerBatch batch, CancellationToken stop)
    {
        try
        {
            await RunOnceAsync(batch, stop).ConfigureAwait(false);
        }
        catch (Exception ex) when (!stop.IsCancellationRequested)
        {
            var delay = _schedule.ApplyFailed();
            DaemonLog.ReconcileFailed(_logger, ex.Message, DaemonLog.Text(delay), ex);
            _notifier.Status($"pass failed ({ex.Message}), retrying in {(int)Math.Ceiling(delay.TotalSeconds)}s");
        }
    }

    private async Task RunOnceAsync(TriggerBatch batch, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var reasons = batch.Reasons | _schedule.TakeDue(_metadata, _hotplug) | Sort(batch.Notices);
        if (reasons.HasFlag(TriggerReasons.Reload))
        {
            Reload();
        }

        if (reasons == TriggerReasons.None)
        {
            return;
        }

        Volatile.Write(ref _busySince, _time.GetTimestamp());
        try
        {
            var metadataChanged = await _observer.ObserveAsync(reasons, _options.Daemon.HotplugDeadline, _summary, stop).ConfigureAwait(false);
            if (_metadata.LastGood is not { } snapshot)
            {
                return;
            }

            if ((reasons & TriggerReasons.NeedsReconcile) == 0 && !metadataChanged)
            {
                DaemonLog.MetadataUnchanged(_logger, reasons);
                return;
            }

            await ReconcileAsync(snapshot, reasons, stop).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _busySince, 0);
        }
    }

    /// <summary>Drops the echoes of the agent's own changes; new or departed links start a hot-plug watch.</summary>
    private TriggerReasons Sort(IReadOnlyList<KernelNotice> notices)
    {
        var reasons = TriggerReasons.None;
        var echoes = 0;
        foreach (var notice in notices)
        {
            if (notice.Kind == KernelNoticeKind.Changed && _own.TryConsume(notice.Key))
            {
                echoes++;
                continue;
            }

            reasons |= TriggerReasons.KernelChanged;
            if (notice.Link is { MayBeEni: true } link)
            {
                var present = notice.Kind == KernelNoticeKind.LinkAppeared;
                reasons |= WatchIfDisagreeing(link, present, present ? "appeared" : "went away");
            }
        }

        if (notices.Count > 0)
        {
            DaemonLog.Woke(_logger, reasons, notices.Count, echoes);
        }

        return reasons;
    }

    private TriggerReasons WatchIfDisagreeing(LinkView link, bool present, string change)
    {
        if ((_metadata.LastGood?.FindByMac(link.Mac) is not null) == present)
        {
            _hotplug.Forget(link.Mac);
            return TriggerReasons.None;
        }

        _hotplug.Watch(link.Mac, present, _options.Daemon.HotplugDeadline);
        DaemonLog.HotplugWatching(_logger, link.Name, MacAddress.Format(link.Mac), change, DaemonLog.Text(_options.Daemon.HotplugDeadline));
        return TriggerReasons.Hotplug;
    }

    private async Task ReconcileAsync(MetadataSnapshot snapshot, TriggerReasons reasons, CancellationToken stop)
    {
        _services.Pinned.Snapshot = snapshot;
        ReconcileOutcome outcome;
        try
        {
            using var held = await AcquireLockAsync(stop).ConfigureAwait(false);
            outcome = await _services.Reconciler.RunAsync(_options, ReconcileMode.Apply, stop).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A kernel, lock or state file problem: nothing is given up, the next attempt comes after a backoff.
            var delay = _schedule.ApplyFailed();
            DaemonLog.ReconcileFailed(_logger, ex.Message, DaemonLog.Text(delay), ex);
            _notifier.Status($"reconcile failed ({ex.Message}), retrying in {(int)Math.Ceiling(delay.TotalSeconds)}s");
            return;
        }

        _own.Record(outcome.Results);
        if (reasons.HasFlag(TriggerReasons.Startup))
        {
            WatchUnlistedLinks(outcome);
        }

        Report(outcome, reasons);
    }

    private void Report(ReconcileOutcome outcome, TriggerReasons reasons)
    {
        var notStarted = outcome.Failures.Count(f => f.Error == GroupCompletingApplier.NotStarted);
        var failed = outcome.Failures.Count() - notStarted;
        if (failed > 0)
        {
            DaemonLog.GroupsFailed(_logger, failed, DaemonLog.Text(_schedule.ApplyFailed()));
        }
        else
        {
            _schedule.ApplySucceeded();
        }

        if (notStarted > 0)
        {
            DaemonLog.StoppedBeforeGroups(_logger, notStarted);
        }

        _summary = outcome.Summary();
        _notifier.Status(_summary);
        if (outcome.AppliedSteps > 0 || outcome.Failures.Any() || reasons.HasFlag(TriggerReasons.Startup))
        {
            DaemonLog.Reconciled(_logger, reasons, _summary);
        }
        else
        {
            DaemonLog.NothingToChange(_logger, reasons, _summary);
        }
    }

    /// <summary>At start, links already present that metadata does not list may be ENIs attached just before.</summary>
    private void WatchUnlistedLinks(ReconcileOutcome outcome)
    {
        foreach (var link in outcome.Kernel.Links.Select(l => new LinkView(l.Index, l.Name, l.Mac, l.AdminUp)).Where(l => l.MayBeEni))
        {
            _ = WatchIfDisagreeing(link, present: true, "is present");
        }
    }

    private async Task<FileLock> AcquireLockAsync(CancellationToken stop)
    {
        var path = _config.Paths.LockFile;
        if (FileLock.TryAcquire(path) is { } free)
        {
            return free;
        }

        DaemonLog.WaitingForLock(_logger, FileLock.ReadHolder(path)?.ToString() ?? "another process");
        return await FileLock.AcquireAsync(path, LockTimeout, _time, stop).ConfigureAwait(false);
    }

    private void Reload()
    {
        AgentOptions options;
        try
        {
            options = _config.Load();
        }
        catch (ConfigurationException ex)
        {
            DaemonLog.ReloadFailed(_logger, ex.Message);
            return;
        }

        _options = options;
        _services.LogLevel.Apply(options.LogLevel);
        _services.UseMetadataOptions(options.Metadata);
        _filter.UseRouting(options.Routing);
        _schedule.Restart(options.Daemon);
        DaemonLog.Reloaded(_logger, _config.FileName);
    }
}
