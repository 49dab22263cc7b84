using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace EniAgent.MetadataEmulator.Runtime;

/// <summary>Issued metadata tokens and their expiry, measured on the injected clock.</summary>
internal sealed class TokenStore(TimeProvider time)
{
    public const int MinTtlSeconds = 1;
    public const int MaxTtlSeconds = 21600;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    public string Issue(int ttlSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ttlSeconds, MinTtlSeconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ttlSeconds, MaxTtlSeconds);
        var now = time.GetUtcNow();
        foreach (var (token, expiry) in _expiries)
        {
            if (expiry <= now)
            {
                _expiries.TryRemove(token, out _);
            }
        }

        var issued = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _expiries[issued] = now.AddSeconds(ttlSeconds);
        return issued;
    }

    public bool IsValid(string token) =>
        _expiries.TryGetValue(token, out var expiry) && time.GetUtcNow() < expiry;
}
