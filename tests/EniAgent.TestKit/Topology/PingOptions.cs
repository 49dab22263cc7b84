namespace EniAgent.TestKit.Topology;

/// <summary>How <see cref="Traffic.PingAsync"/> pings (iputils-ping).</summary>
public sealed record PingOptions
{
    public static PingOptions Default { get; } = new();

    /// <summary>Echo requests per attempt (<c>-c</c>); an attempt succeeds when every one is answered.</summary>
    public int Count { get; init; } = 1;

    /// <summary>ICMP payload bytes (<c>-s</c>); a large payload makes the replies stand out in byte counters.</summary>
    public int PayloadBytes { get; init; } = 56;

    /// <summary>Attempts before giving up: the first packets after a change may meet a stale neighbour entry.</summary>
    public int Attempts { get; init; } = 3;
}
