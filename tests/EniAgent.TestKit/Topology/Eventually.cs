namespace EniAgent.TestKit.Topology;

/// <summary>Bounded polling for effects of other processes (a daemon reacting, a waiter printing); the deadline only bounds a hang.</summary>
public static class Eventually
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls <paramref name="condition"/> until it holds; throws naming <paramref name="what"/> after <paramref name="deadline"/> (default 60 s).</summary>
    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = deadline ?? TimeSpan.FromSeconds(60);
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"still not true after {limit.TotalSeconds} s: {what}");
            }

            await Task.Delay(Pause);
        }
    }
}
