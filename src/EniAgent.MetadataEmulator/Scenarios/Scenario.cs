namespace EniAgent.MetadataEmulator.Scenarios;

/// <summary>A whole scenario file: the instance, its ENIs, the token rules and the faults.</summary>
internal sealed record Scenario(
    IReadOnlyList<KeyValuePair<string, string>> Instance,
    TokenMode TokenMode,
    bool ServeAll,
    IReadOnlyList<EniDefinition> Enis,
    FaultSettings Faults);
