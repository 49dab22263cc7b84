namespace EniAgent.TestKit.Emulator;

/// <summary>The emulator's request counters (<c>GET /_emulator/stats</c>); control requests are not counted.</summary>
/// <param name="Requests">All metadata requests, including refused, faulted and dropped ones.</param>
/// <param name="ByPath">Counts keyed by <c>"METHOD /path"</c>, e.g. <c>"GET /latest/meta-data/mac"</c>.</param>
/// <param name="TokensIssued">Successful <c>PUT /latest/api/token</c> calls.</param>
public sealed record EmulatorStats(long Requests, IReadOnlyDictionary<string, long> ByPath, long TokensIssued)
{
    /// <summary>How often <paramref name="path"/> was requested with <paramref name="method"/> (GET by default).</summary>
    public long Count(string path, string method = "GET") => ByPath.GetValueOrDefault($"{method} {path}");
}
