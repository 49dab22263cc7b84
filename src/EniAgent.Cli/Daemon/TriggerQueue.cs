namespace EniAgent.Cli.Daemon;

/// <summary>
/// The one queue every trigger goes through. Triggers merge: the loop takes them all at once, so one pass answers a
/// whole burst. The first trigger after a quiet spell starts work after <see cref="Settle"/> (the messages of one
/// kernel operation, such as a link moved in, arrive within it): hot-plug latency stays low. Triggers that come
/// while a pass runs or soon after it (a burst, a storm, the echoes of the pass itself) are debounced: work starts
/// once they have been quiet for <see cref="Quiet"/>, and never later than <see cref="MaxDelay"/> after the first.
/// </summary>
internal sealed class TriggerQueue(TimeProvider time)
{
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(5);

    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(50);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Beyond this many notices in one batch the details are dropped and the batch just says "the kernel changed".</summary>
    public const int MaxNotices = 4096;

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _signal = new(0, 1);
    private TriggerReasons _reasons;
    private List<KernelNotice> _notices = [];
    private long _first;
    private long _last;
    private long _idleSince;

    public void Post(TriggerReasons reasons) => Post(reasons, null);

    public void Post(KernelNotice notice) => Post(TriggerReasons.None, notice);

    /// <summary>
    /// Waits for triggers (or until <paramref name="timeout"/> passes, for the loop's timers; null waits without
    /// limit), lets a burst settle, and takes everything pending. Empty when only the timeout passed.
    /// </summary>
    public async Task<TriggerBatch> WaitAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _idleSince = time.GetTimestamp();
        }

        if (!HasPending && !await WaitForSignalAsync(timeout, cancellationToken).ConfigureAwait(false))
        {
            return TriggerBatch.Empty;
        }

        while (true)
        {
            TimeSpan remaining;
            lock (_gate)
            {
                var now = time.GetTimestamp();
                var afterQuietSpell = _first - _idleSince >= Ticks(Quiet);
                var settledAt = Math.Min(_last + Ticks(afterQuietSpell ? Settle : Quiet), _first + Ticks(MaxDelay));
                if (now >= settledAt)
                {
                    return TakeLocked();
                }

                remaining = TimeSpan.FromSeconds((double)(settledAt - now) / time.TimestampFrequency);
            }

            await Task.Delay(remaining, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool HasPending
    {
        get
        {
            lock (_gate)
            {
                return _reasons != TriggerReasons.None || _notices.Count > 0;
            }
        }
    }

    private void Post(TriggerReasons reasons, KernelNotice? notice)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (_reasons == TriggerReasons.None && _notices.Count == 0)
            {
                _first = now;
            }

            _last = now;
            _reasons |= reasons;
            if (notice is not null)
            {
                if (_notices.Count < MaxNotices)
                {
                    _notices.Add(notice);
                }
                else
                {
                    _reasons |= TriggerReasons.KernelChanged;
                }
            }

            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
    }

    private async Task<bool> WaitForSignalAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (timeout is not { } limit)
            {
                await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (limit <= TimeSpan.Zero)
                {
                    return HasPending;
                }

                using var timer = new CancellationTokenSource(limit, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
                try
                {
                    await _signal.WaitAsync(linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return HasPending;
                }
            }

            // A signal left over from triggers already taken carries nothing: wait again.
            if (HasPending)
            {
                return true;
            }
        }
    }

    private TriggerBatch TakeLocked()
    {
        var batch = new TriggerBatch(_reasons, _notices);
        _reasons = TriggerReasons.None;
        _notices = [];
        _signal.Wait(0);
        return batch;
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);
}
