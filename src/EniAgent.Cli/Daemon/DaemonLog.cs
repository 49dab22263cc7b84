using EniAgent.Core.Configuration;
using Microsoft.Extensions.Logging;

namespace EniAgent.Cli.Daemon;

/// <summary>Every log line of the daemon; event ids 4000–4099 are stable (journal queries may match them).</summary>
internal static partial class DaemonLog
{
    /// <summary>A duration as configuration writes it (<c>2s</c>, <c>1m30s</c>), rounded to what a reader cares about.</summary>
    public static string Text(TimeSpan value)
    {
        var unit = value >= TimeSpan.FromSeconds(10) ? 1000 : 100;
        return Duration.Format(TimeSpan.FromMilliseconds(Math.Round(value.TotalMilliseconds / unit) * unit));
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "daemon starting: metadata poll every {Poll}, full resync every {Resync}, hot-plug deadline {Deadline}, watchdog {Watchdog}")]
    public static partial void Starting(ILogger logger, string poll, string resync, string deadline, string watchdog);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "reconciled ({Reasons}): {Summary}")]
    public static partial void Reconciled(ILogger logger, TriggerReasons reasons, string summary);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "reconciled ({Reasons}), nothing to change: {Summary}")]
    public static partial void NothingToChange(ILogger logger, TriggerReasons reasons, string summary);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "metadata unavailable ({Error}); keeping the last known configuration, retrying in {Delay}")]
    public static partial void MetadataUnavailable(ILogger logger, string error, string delay);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "metadata has never answered since start ({Error}): not on ECS? staying idle, retrying in {Delay}")]
    public static partial void MetadataNeverAnswered(ILogger logger, string error, string delay);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "metadata answers again after {Failures} failed read(s)")]
    public static partial void MetadataRecovered(ILogger logger, int failures);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "configuration reloaded from {File}")]
    public static partial void Reloaded(ILogger logger, string file);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "configuration not reloaded, the previous one stays in effect: {Error}")]
    public static partial void ReloadFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "netlink events were lost (receive buffer overrun): full resync")]
    public static partial void Overrun(ILogger logger);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "link {Link} ({Mac}) {Change}; metadata does not agree yet, polling it fast for up to {Deadline}")]
    public static partial void HotplugWatching(ILogger logger, string link, string mac, string change, string deadline);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "metadata agrees on {Mac} after {Waited}")]
    public static partial void HotplugResolved(ILogger logger, string mac, string waited);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "metadata still disagrees on {Mac} after {Deadline}; back to normal polling")]
    public static partial void HotplugExpired(ILogger logger, string mac, string deadline);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "stopping: finishing the work in flight")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Information, Message = "stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Error, Message = "reconcile failed: {Error}; retrying in {Delay}")]
    public static partial void ReconcileFailed(ILogger logger, string error, string delay, Exception exception);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Warning, Message = "{Failed} ENI group(s) failed to apply; retrying in {Delay}")]
    public static partial void GroupsFailed(ILogger logger, int failed, string delay);

    [LoggerMessage(EventId = 4016, Level = LogLevel.Debug, Message = "woke up: {Reasons}, {Notices} kernel change(s), {Echoes} of them the agent's own")]
    public static partial void Woke(ILogger logger, TriggerReasons reasons, int notices, int echoes);

    [LoggerMessage(EventId = 4017, Level = LogLevel.Warning, Message = "running inside a container ({Evidence}) because daemon.allow-in-container is set")]
    public static partial void InContainer(ILogger logger, string evidence);

    [LoggerMessage(EventId = 4018, Level = LogLevel.Critical, Message = "netlink event monitor failed; stopping so the service manager restarts the daemon: {Error}")]
    public static partial void MonitorFailed(ILogger logger, string error, Exception? exception);

    [LoggerMessage(EventId = 4019, Level = LogLevel.Debug, Message = "metadata unchanged, nothing to reconcile ({Reasons})")]
    public static partial void MetadataUnchanged(ILogger logger, TriggerReasons reasons);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Warning, Message = "watchdog keep-alive skipped: the loop has been busy for {Busy}")]
    public static partial void WatchdogSkipped(ILogger logger, string busy);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Information, Message = "stopped before {Groups} ENI group(s); the next start applies them")]
    public static partial void StoppedBeforeGroups(ILogger logger, int groups);

    [LoggerMessage(EventId = 4022, Level = LogLevel.Warning, Message = "could not notify the service manager: {Error}")]
    public static partial void NotifyFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 4023, Level = LogLevel.Information, Message = "waiting for the reconcile lock held by {Holder}")]
    public static partial void WaitingForLock(ILogger logger, string holder);
}
