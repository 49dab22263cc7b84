using EniAgent.Core.Configuration;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// The daemon's timers, all on one <see cref="TimeProvider"/>: the metadata poll (±10% jitter), the full resync,
/// the retry after a failed apply (backoff), plus the hot-plug and metadata-retry times their owners keep. While
/// metadata is backing off, its retry replaces both the poll and the hot-plug polling.
/// </summary>
internal sealed class DaemonSchedule
{
    private const double PollJitter = 0.1;

    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Backoff _applyBackoff;
    private DaemonOptions _options;
    private DateTimeOffset _nextPoll;
    private DateTimeOffset _nextResync;
    private DateTimeOffset? _applyRetryAt;

    public DaemonSchedule(DaemonOptions options, TimeProvider time, Random random)
    {
        (_time, _random) = (time, random);
        _applyBackoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), 0.2, random);
        _options = options;
        Restart(options);
    }

    public DateTimeOffset NextPoll => _nextPoll;

    public DateTimeOffset NextResync => _nextResync;

    /// <summary>New intervals (after a reload): the poll and resync periods start over.</summary>
    public void Restart(DaemonOptions options)
    {
        _options = options;
        var now = _time.GetUtcNow();
        _nextPoll = now + Backoff.Jitter(options.PollInterval, PollJitter, _random);
        _nextResync = now + options.ResyncInterval;
    }

    /// <summary>The timers that are due now; the resync and apply-retry timers are rearmed as they are taken.</summary>
    public TriggerReasons TakeDue(MetadataTracker metadata, HotplugWatch hotplug)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(hotplug);
        var now = _time.GetUtcNow();
        var due = TriggerReasons.None;
        if (metadata.RetryAt is { } retry)
        {
            due |= now >= retry ? TriggerReasons.MetadataRetry : TriggerReasons.None;
        }
        else
        {
            due |= now >= _nextPoll ? TriggerReasons.Poll : TriggerReasons.None;
            due |= hotplug.NextPollAt <= now ? TriggerReasons.Hotplug : TriggerReasons.None;
        }

        if (now >= _nextResync)
        {
            due |= TriggerReasons.Resync;
            _nextResync = now + _options.ResyncInterval;
        }

        if (_applyRetryAt <= now)
        {
            due |= TriggerReasons.ApplyRetry;
            _applyRetryAt = null;
        }

        return due;
    }

    /// <summary>How long until the next timer is due (zero when one is due already).</summary>
    public TimeSpan UntilNext(MetadataTracker metadata, HotplugWatch hotplug)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(hotplug);
        var due = metadata.RetryAt ?? Earliest(_nextPoll, hotplug.NextPollAt);
        due = Earliest(Earliest(due, _nextResync), _applyRetryAt);
        var wait = due - _time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Metadata was read: the next poll is one (jittered) interval from now.</summary>
    public void MetadataRead() => _nextPoll = _time.GetUtcNow() + Backoff.Jitter(_options.PollInterval, PollJitter, _random);

    /// <summary>Something failed to apply: try again after a backoff; returns the delay.</summary>
    public TimeSpan ApplyFailed()
    {
        var delay = _applyBackoff.Next();
        _applyRetryAt = _time.GetUtcNow() + delay;
        return delay;
    }

    public void ApplySucceeded()
    {
        _applyBackoff.Reset();
        _applyRetryAt = null;
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset? b) => b is { } v && v < a ? v : a;
}
