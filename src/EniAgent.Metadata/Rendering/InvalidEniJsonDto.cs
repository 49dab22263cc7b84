namespace EniAgent.Metadata.Rendering;

/// <summary>One invalid ENI in <see cref="SnapshotJsonDto"/>; values are already sanitized.</summary>
internal sealed record InvalidEniJsonDto(string RawMac, string? Mac, string? EniId, string Item, string Value, string Reason);
