namespace EniAgent.MetadataEmulator.Scenarios;

/// <summary>Injected misbehaviour of the metadata endpoints; control endpoints are never affected.</summary>
internal sealed record FaultSettings
{
    public static FaultSettings None { get; } = new();

    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Directory listings use CRLF between lines.</summary>
    public bool CrlfListings { get; init; }

    /// <summary>Listings end with a line break after the last child (an extension to the contract).</summary>
    public bool ListingTrailingNewline { get; init; }

    /// <summary>JSON arrays the emulator formats itself (after an assign) get a space after each comma.</summary>
    public bool JsonArraySpaces { get; init; }

    public StatusBurst StatusBurst { get; init; } = StatusBurst.None;

    /// <summary>The next N non-control requests get their connection aborted without a response.</summary>
    public int DropConnections { get; init; }
}
