using EniAgent.Core;
using EniAgent.Core.Metadata;
using Microsoft.Extensions.Logging;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// The daemon's metadata reads: whether a pass may read at all (the backoff after failures keeps a dead service
/// from being hammered), what a good read resolves for the hot-plug watch, and how a failure is reported — "not on
/// ECS" until the service has answered once, "keeping the last known configuration" after.
/// </summary>
internal sealed class MetadataObserver(DaemonServices services, MetadataTracker tracker, HotplugWatch hotplug, DaemonSchedule schedule, SafeNotifier notifier, ILogger logger)
{
    /// <summary>
    /// Reads metadata when <paramref name="reasons"/> ask for it and the backoff allows; true when the snapshot
    /// changed. <paramref name="summary"/> is the last pass's one-line status, repeated in failure statuses.
    /// </summary>
    public async Task<bool> ObserveAsync(TriggerReasons reasons, TimeSpan hotplugDeadline, string summary, CancellationToken stop)
    {
        var wanted = (reasons & TriggerReasons.NeedsMetadata) != 0
            && (!tracker.InBackoff || (reasons & (TriggerReasons.MetadataRetry | TriggerReasons.Reload)) != 0);
        if (!wanted)
        {
            return false;
        }

        var changed = false;
        try
        {
            var fresh = await services.Metadata.ReadAsync(stop).ConfigureAwait(false);
            var failures = tracker.Failures;
            changed = tracker.Succeeded(fresh);
            if (failures > 0)
            {
                DaemonLog.MetadataRecovered(logger, failures);
                notifier.Status(summary);
            }

            schedule.MetadataRead();
            foreach (var (mac, waited) in hotplug.Resolve(fresh))
            {
                DaemonLog.HotplugResolved(logger, MacAddress.Format(mac), DaemonLog.Text(waited));
            }
        }
        catch (MetadataException ex)
        {
            ReportFailure(ex.Message, summary);
        }

        if (reasons.HasFlag(TriggerReasons.Hotplug))
        {
            hotplug.Polled();
        }

        foreach (var mac in hotplug.Expire())
        {
            DaemonLog.HotplugExpired(logger, MacAddress.Format(mac), DaemonLog.Text(hotplugDeadline));
        }

        return changed;
    }

    private void ReportFailure(string error, string summary)
    {
        var delay = tracker.Failed(error);
        var seconds = (int)Math.Ceiling(delay.TotalSeconds);
        if (tracker.EverAnswered)
        {
            DaemonLog.MetadataUnavailable(logger, error, DaemonLog.Text(delay));
            notifier.Status($"metadata unavailable, retrying in {seconds}s; keeping the last known configuration ({summary})");
        }
        else
        {
            DaemonLog.MetadataNeverAnswered(logger, error, DaemonLog.Text(delay));
            notifier.Status($"not on ECS: metadata never answered, idle (retrying in {seconds}s)");
        }
    }
}
