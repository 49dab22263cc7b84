using Microsoft.Extensions.Logging;

namespace EniAgent.Metadata;

/// <summary>
/// The metadata token: fetched on first use, reused until 80% of its TTL has passed (so it never expires in
/// flight), dropped when the service rejects it. One fetch at a time however many requests need it.
/// </summary>
internal sealed class MetadataTokenCache(
    Func<int, ReadScope, Task<string>> fetch,
    TimeSpan ttl,
    TimeProvider time,
    ILogger logger) : IDisposable
{
    public const int MaxTtlSeconds = 21600;

    private readonly SemaphoreSlim _renewal = new(1, 1);
    private volatile CachedToken? _current;

    /// <summary>The TTL asked for, clamped to what the service accepts (1..21600 s).</summary>
    public int TtlSeconds { get; } = (int)Math.Clamp(Math.Ceiling(ttl.TotalSeconds), 1, MaxTtlSeconds);

    public async Task<string> GetAsync(ReadScope scope)
    {
        if (Fresh(_current) is { } token)
        {
            return token;
        }

        await _renewal.WaitAsync(scope.Token);
        try
        {
            if (Fresh(_current) is { } renewedMeanwhile)
            {
                return renewedMeanwhile;
            }

            // Measured before asking, so the renewal point errs early.
            var asked = time.GetUtcNow();
            var fetched = await fetch(TtlSeconds, scope);
            _current = new CachedToken(fetched, asked + (TimeSpan.FromSeconds(TtlSeconds) * 0.8));
            MetadataLog.TokenRenewed(logger, TtlSeconds);
            return fetched;
        }
        finally
        {
            _renewal.Release();
        }
    }

    /// <summary>Drops <paramref name="rejected"/> unless another request already replaced it.</summary>
    public void Invalidate(string rejected)
    {
        var current = _current;
        if (current is not null && current.Token == rejected)
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    public void Dispose() => _renewal.Dispose();

    private string? Fresh(CachedToken? cached) => cached is not null && time.GetUtcNow() < cached.RenewAt ? cached.Token : null;

    private sealed record CachedToken(string Token, DateTimeOffset RenewAt);
}
