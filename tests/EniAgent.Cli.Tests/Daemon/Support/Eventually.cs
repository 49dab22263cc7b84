namespace EniAgent.Cli.Tests.Daemon.Support;

/// <summary>Bounded polling for a condition: no timed assertions, just a generous deadline for a slow machine.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Waits until <paramref name="condition"/> holds; fails with <paramref name="what"/> and <paramref name="context"/> otherwise.</summary>
    public static async Task Until(Func<bool> condition, string what, Func<string>? context = null, TimeSpan? deadline = null)
    {
        var limit = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        while (!condition())
        {
            if (DateTime.UtcNow > limit)
            {
                Assert.Fail($"timed out waiting for: {what}\n{context?.Invoke()}");
            }

            await Task.Delay(Interval);
        }
    }
}
