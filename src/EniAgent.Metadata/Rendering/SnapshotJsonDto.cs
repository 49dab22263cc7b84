namespace EniAgent.Metadata.Rendering;

/// <summary>The JSON shape of <c>eniagent metadata --json</c> (kebab-case names, addresses as strings).</summary>
internal sealed record SnapshotJsonDto(
    string InstanceId,
    string? RegionId,
    string? ZoneId,
    string? InstanceType,
    string PrimaryMac,
    IReadOnlyList<EniJsonDto> Enis,
    IReadOnlyList<InvalidEniJsonDto> InvalidEnis);
