using EniAgent.Netlink;
using EniAgent.TestKit.Netns;

namespace EniAgent.TestKit.Stacks;

/// <summary>
/// Records every kernel event that touches one link (link changes, its addresses, routes through it) while a test
/// acts, to prove that link was left alone (<see cref="Flaps"/>). <see cref="StopAsync"/> drains the queue with a sentinel (an MTU change
/// on the namespace's loopback), so nothing the kernel reported before the call is missed.
/// </summary>
public sealed class LinkWatch : IAsyncDisposable
{
    private readonly NetlinkMonitor _monitor;
    private readonly NetworkNamespace _ns;
    private readonly int _ifIndex;
    private readonly List<string> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _sentinelSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reader;
    private int _sentinelMtu;

    private LinkWatch(NetworkNamespace ns, int ifIndex)
    {
        _ns = ns;
        _ifIndex = ifIndex;
        _monitor = ns.OpenMonitor();
        _reader = Task.Run(ReadAsync);
    }

    public static LinkWatch Start(NetworkNamespace ns, int ifIndex) => new(ns, ifIndex);

    /// <summary>
    /// The events that break traffic on the link: an address or route of it removed, the link down, lost events.
    /// New objects are not flaps (the kernel adds the IPv6 link-local address and finishes DAD in its own time).
    /// </summary>
    public static IReadOnlyList<string> Flaps(IEnumerable<string> events) =>
        [.. events.Where(e => e.StartsWith("Delete ", StringComparison.Ordinal) || e.StartsWith("events were lost", StringComparison.Ordinal) || (e.StartsWith("New link ", StringComparison.Ordinal) && e.Contains(" down ", StringComparison.Ordinal)))];

    /// <summary>Stops watching; returns what happened to the link, one line per event.</summary>
    public async Task<IReadOnlyList<string>> StopAsync()
    {
        var lo = int.Parse(_ns.IpJson("link", "show", "lo")[0].GetProperty("mtu").ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Volatile.Write(ref _sentinelMtu, lo == 65536 ? 65535 : 65536);
        _ns.Ip("link", "set", "lo", "mtu", Volatile.Read(ref _sentinelMtu).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await _sentinelSeen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await _stop.CancelAsync();
        await DrainAsync();
        lock (_events)
        {
            return [.. _events];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await DrainAsync();
        _monitor.Dispose();
        _stop.Dispose();
    }

    private async Task DrainAsync()
    {
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task ReadAsync()
    {
        await foreach (var e in _monitor.ReadEventsAsync(_stop.Token))
        {
            var line = e switch
            {
                NetlinkLinkEvent { Link.Name: "lo" } l when l.Link.Mtu == Volatile.Read(ref _sentinelMtu) => Sentinel(),
                NetlinkLinkEvent l when l.Link.Index == _ifIndex => $"{l.Kind} link {l.Link}",
                NetlinkAddressEvent a when a.Address.LinkIndex == _ifIndex => $"{a.Kind} address {a.Address}",
                NetlinkRouteEvent r when r.Route.OutputLinkIndex == _ifIndex => $"{r.Kind} route {r.Route}",
                NetlinkOverrunEvent => "events were lost (overrun): cannot prove the link was left alone",
                _ => null,
            };
            if (line is not null)
            {
                lock (_events)
                {
                    _events.Add(line);
                }
            }
        }
    }

    private string? Sentinel()
    {
        _sentinelSeen.TrySetResult();
        return null;
    }
}
