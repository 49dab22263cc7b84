using System.Text.Json.Nodes;

namespace EniAgent.TestKit.Emulator;

/// <summary>Builds a faults object for a scenario or for <see cref="MetadataEmulatorProcess.SetFaultsAsync(string)"/>.</summary>
public sealed class FaultsBuilder
{
    private TimeSpan _latency;
    private bool _crlf;
    private bool _trailingNewline;
    private bool _arraySpaces;
    private int _burstStatus = 503;
    private int _burstCount;
    private int _drops;

    public FaultsBuilder WithLatency(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        _latency = latency;
        return this;
    }

    public FaultsBuilder WithCrlfListings(bool enabled = true)
    {
        _crlf = enabled;
        return this;
    }

    /// <summary>Listings end with a line break (an emulator extension: real bytes UNCONFIRMED, field.md).</summary>
    public FaultsBuilder WithListingTrailingNewline(bool enabled = true)
    {
        _trailingNewline = enabled;
        return this;
    }

    /// <summary>Arrays the emulator formats itself (after an assign) get <c>", "</c> separators.</summary>
    public FaultsBuilder WithJsonArraySpaces(bool enabled = true)
    {
        _arraySpaces = enabled;
        return this;
    }

    /// <summary>The next <paramref name="count"/> metadata requests answer <paramref name="status"/> (e.g. 429, 503).</summary>
    public FaultsBuilder WithStatusBurst(int status, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        (_burstStatus, _burstCount) = (status, count);
        return this;
    }

    /// <summary>The next <paramref name="count"/> metadata requests get their connection aborted with no response.</summary>
    public FaultsBuilder WithDroppedConnections(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _drops = count;
        return this;
    }

    public string ToJson() => ScenarioJson.Write(ToNode());

    internal JsonObject ToNode() => new()
    {
        ["latency-ms"] = (long)_latency.TotalMilliseconds,
        ["crlf-listings"] = _crlf,
        ["listing-trailing-newline"] = _trailingNewline,
        ["json-array-spaces"] = _arraySpaces,
        ["status-burst"] = new JsonObject { ["status"] = _burstStatus, ["count"] = _burstCount },
        ["drop-connections"] = _drops,
    };
}
