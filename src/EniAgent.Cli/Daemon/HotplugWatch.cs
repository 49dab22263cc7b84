using System.Net.NetworkInformation;
using EniAgent.Core.Metadata;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// Links whose presence the kernel and metadata disagree about because of a hot-plug: a link that appeared but
/// metadata does not list (validly) yet, or a link that went while metadata still lists it. While any is watched
/// metadata is polled fast, from <see cref="FirstDelay"/> doubling to <see cref="MaxDelay"/>; each MAC is given up
/// after the hot-plug deadline (normal polling still picks it up whenever metadata catches up).
/// </summary>
internal sealed class HotplugWatch(TimeProvider time)
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    private readonly Dictionary<PhysicalAddress, Entry> _watched = [];
    private TimeSpan _delay = FirstDelay;

    public int Count => _watched.Count;

    /// <summary>When metadata should be read next for the watched MACs; null when none is watched.</summary>
    public DateTimeOffset? NextPollAt { get; private set; }

    /// <summary>Starts (or restarts) watching <paramref name="mac"/>: metadata is due now, then fast again.</summary>
    public void Watch(PhysicalAddress mac, bool present, TimeSpan deadline)
    {
        var now = time.GetUtcNow();
        _watched[mac] = new Entry(present, now, now + deadline);
        _delay = FirstDelay;
        NextPollAt = now;
    }

    /// <summary>Stops watching MACs on which metadata now agrees with the kernel; returns them with how long it took.</summary>
    public IReadOnlyList<(PhysicalAddress Mac, TimeSpan Waited)> Resolve(MetadataSnapshot metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var now = time.GetUtcNow();
        var resolved = _watched
            .Where(w => w.Value.Present == (metadata.FindByMac(w.Key) is not null))
            .Select(w => (w.Key, now - w.Value.Since))
            .ToList();
        Forget(resolved.Select(r => r.Key));
        return resolved;
    }

    /// <summary>Stops watching MACs past their deadline and returns them.</summary>
    public IReadOnlyList<PhysicalAddress> Expire()
    {
        var now = time.GetUtcNow();
        var expired = _watched.Where(w => w.Value.Deadline <= now).Select(w => w.Key).ToList();
        Forget(expired);
        return expired;
    }

    /// <summary>Stops watching <paramref name="mac"/> (its link changed again; a new Watch decides anew).</summary>
    public void Forget(PhysicalAddress mac) => Forget([mac]);

    /// <summary>Metadata was just read for the watched MACs: the next read comes after a longer delay.</summary>
    public void Polled()
    {
        if (_watched.Count == 0)
        {
            return;
        }

        NextPollAt = time.GetUtcNow() + _delay;
        _delay = _delay * 2 < MaxDelay ? _delay * 2 : MaxDelay;
    }

    private void Forget(IEnumerable<PhysicalAddress> macs)
    {
        foreach (var mac in macs)
        {
            _watched.Remove(mac);
        }

        if (_watched.Count == 0)
        {
            NextPollAt = null;
            _delay = FirstDelay;
        }
    }

    private sealed record Entry(bool Present, DateTimeOffset Since, DateTimeOffset Deadline);
}
