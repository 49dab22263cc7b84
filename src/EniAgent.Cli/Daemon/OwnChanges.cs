using EniAgent.Platform.Kernel;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// The changes the agent made itself, so their netlink echoes do not trigger another reconcile. Each applied step
/// is expected back once; an echo that never comes is forgotten after <see cref="Lifetime"/>. An event that is not
/// recognised costs one reconcile whose plan is empty, so this only saves work and can never loop.
/// </summary>
internal sealed class OwnChanges(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, (int Count, DateTimeOffset Expires)> _expected = new(StringComparer.Ordinal);

    public int Count => _expected.Count;

    public void Record(IEnumerable<GroupResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var now = time.GetUtcNow();
        Prune(now);
        foreach (var step in results.SelectMany(r => r.Applied))
        {
            if (ChangeKeys.Of(step) is { } key)
            {
                _expected[key] = (_expected.TryGetValue(key, out var seen) ? seen.Count + 1 : 1, now + Lifetime);
            }
        }
    }

    /// <summary>True (and forgotten) when <paramref name="key"/> is the echo of a change the agent made.</summary>
    public bool TryConsume(string key)
    {
        if (!_expected.TryGetValue(key, out var entry) || entry.Expires < time.GetUtcNow())
        {
            return false;
        }

        if (entry.Count <= 1)
        {
            _expected.Remove(key);
        }
        else
        {
            _expected[key] = (entry.Count - 1, entry.Expires);
        }

        return true;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _expected.Where(e => e.Value.Expires < now).Select(e => e.Key).ToList())
        {
            _expected.Remove(key);
        }
    }
}
