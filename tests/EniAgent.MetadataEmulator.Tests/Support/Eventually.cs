namespace EniAgent.MetadataEmulator.Tests.Support;

/// <summary>Polls until a condition holds (for effects of real files and real clocks); the deadline only bounds a hang.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var started = TimeProvider.System.GetTimestamp();
        T last;
        while (true)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            if (TimeProvider.System.GetElapsedTime(started) > Deadline)
            {
                throw new TimeoutException($"condition not met within {Deadline}; last value: {last}");
            }

            await Task.Delay(Pause);
        }
    }
}
