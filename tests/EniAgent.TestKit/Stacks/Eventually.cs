using Xunit;

namespace EniAgent.TestKit.Stacks;

/// <summary>
/// Waits for a condition that a daemon brings about asynchronously. The deadline only stops a broken run from
/// hanging; it is never what a test asserts. On timeout the test fails with <c>describe()</c>.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task HoldsAsync(Func<Task<bool>> condition, Func<Task<string>> describe, TimeSpan? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(describe);
        var time = TimeProvider.System;
        var start = time.GetTimestamp();
        var limit = deadline ?? DefaultDeadline;
        while (!await condition())
        {
            if (time.GetElapsedTime(start) > limit)
            {
                Assert.Fail($"condition not reached within {limit.TotalSeconds} s:\n{await describe()}");
            }

            await Task.Delay(Interval, time);
        }
    }
}
