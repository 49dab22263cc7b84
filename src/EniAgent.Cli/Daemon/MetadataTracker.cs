using EniAgent.Core.Metadata;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// The daemon's view of the metadata service: the last good snapshot (kept through any outage: the agent keeps
/// applying it and never cleans up because a read failed), and the backoff after failures, so a dead or
/// throttling service is not hammered.
/// </summary>
internal sealed class MetadataTracker(TimeProvider time, Random random)
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(5);

    private readonly Backoff _backoff = new(FirstRetry, MaxRetry, 0.2, random);

    public MetadataSnapshot? LastGood { get; private set; }

    /// <summary>False until the service has answered once since start: probably not on ECS.</summary>
    public bool EverAnswered => LastGood is not null;

    public int Failures => _backoff.Attempts;

    public string? LastError { get; private set; }

    /// <summary>When to try again after a failure; null while the service answers.</summary>
    public DateTimeOffset? RetryAt { get; private set; }

    public bool InBackoff => RetryAt is not null;

    /// <summary>Records a good read; true when it differs from the previous one (or is the first).</summary>
    public bool Succeeded(MetadataSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var changed = !snapshot.Equals(LastGood);
        LastGood = snapshot;
        LastError = null;
        RetryAt = null;
        _backoff.Reset();
        return changed;
    }

    /// <summary>Records a failed read and returns the delay before the next attempt.</summary>
    public TimeSpan Failed(string error)
    {
        LastError = error;
        var delay = _backoff.Next();
        RetryAt = time.GetUtcNow() + delay;
        return delay;
    }
}
