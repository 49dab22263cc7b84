namespace EniAgent.Cli.Daemon;

/// <summary>Exponential backoff with jitter: <c>initial × 2^n</c>, capped, each delay spread by ±<c>jitter</c>.</summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max, double jitter, Random random)
{
    public int Attempts { get; private set; }

    /// <summary>The delay before the next attempt; each call counts one failed attempt.</summary>
    public TimeSpan Next()
    {
        var exponent = Math.Min(Attempts, 30);
        Attempts++;
        var delay = Math.Min(initial.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        return Jitter(TimeSpan.FromMilliseconds(delay), jitter, random);
    }

    public void Reset() => Attempts = 0;

    /// <summary><paramref name="value"/> spread uniformly by ±<paramref name="fraction"/>.</summary>
    public static TimeSpan Jitter(TimeSpan value, double fraction, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return value * (1 - fraction + (2 * fraction * random.NextDouble()));
    }
}
