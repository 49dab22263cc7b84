using EniAgent.TestKit.Netns;

namespace EniAgent.TestKit.Topology;

/// <summary>
/// Which links of a namespace a burst of traffic left by: the transmit counters of every link before and after.
/// With large packets (e.g. 1200-byte pings) background noise (ARP, ND, MLD) stays far below one packet's size, so
/// <see cref="LinksThatSent"/> names exactly the links the traffic used.
/// </summary>
public sealed class Egress
{
    private Egress(IReadOnlyDictionary<string, LinkCounters> delta, bool succeeded)
    {
        Delta = delta;
        Succeeded = succeeded;
    }

    /// <summary>Counter changes of every link present before and after.</summary>
    public IReadOnlyDictionary<string, LinkCounters> Delta { get; }

    /// <summary>What the traffic function returned.</summary>
    public bool Succeeded { get; }

    /// <summary>Reads the counters of every link of <paramref name="ns"/>, runs <paramref name="traffic"/>, reads them again.</summary>
    public static async Task<Egress> MeasureAsync(NetworkNamespace ns, Func<Task<bool>> traffic)
    {
        ArgumentNullException.ThrowIfNull(ns);
        ArgumentNullException.ThrowIfNull(traffic);
        var before = KernelReader.Counters(ns);
        var succeeded = await traffic();
        var after = KernelReader.Counters(ns);
        var delta = after.Where(a => before.ContainsKey(a.Key)).ToDictionary(a => a.Key, a => a.Value - before[a.Key], StringComparer.Ordinal);
        return new Egress(delta, succeeded);
    }

    public long TxBytes(string link) => Delta.TryGetValue(link, out var counters) ? counters.TxBytes : 0;

    /// <summary>The links (loopback excluded) that transmitted at least <paramref name="bytes"/> bytes, by name.</summary>
    public IReadOnlyList<string> LinksThatSent(long bytes) =>
        [.. Delta.Values.Where(c => c.Link != "lo" && c.TxBytes >= bytes).Select(c => c.Link).Order(StringComparer.Ordinal)];

    public override string ToString() => string.Join("; ", Delta.Values.Where(c => c.Link != "lo").Select(c => c.ToString()));
}
