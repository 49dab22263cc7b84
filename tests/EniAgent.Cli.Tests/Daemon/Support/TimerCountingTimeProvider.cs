using Microsoft.Extensions.Time.Testing;

namespace EniAgent.Cli.Tests.Daemon.Support;

/// <summary>
/// A fake clock that tells when timers have been created on it. Code woken by a <see cref="SemaphoreSlim"/> resumes
/// on the thread pool; a test that advances the clock before that code has set its timer moves time past a timer
/// that does not exist yet, and the timer then waits forever on a clock nobody advances again.
/// </summary>
internal sealed class TimerCountingTimeProvider : FakeTimeProvider
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private int _created;

    public int TimersCreated => Volatile.Read(ref _created);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _created);
        return timer;
    }

    /// <summary>Waits (in real time) until at least <paramref name="count"/> timers have been created in all.</summary>
    public async Task WaitForTimersAsync(int count)
    {
        var started = System.GetTimestamp();
        while (TimersCreated < count)
        {
            if (System.GetElapsedTime(started) > Patience)
            {
                throw new TimeoutException($"waited {Patience.TotalSeconds} s for timer {count} on the fake clock; {TimersCreated} created");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(1), System).ConfigureAwait(false);
        }
    }
}
