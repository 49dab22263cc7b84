using EniAgent.MetadataEmulator.Scenarios;

namespace EniAgent.MetadataEmulator.Runtime;

/// <summary>What the metadata endpoints serve at one instant: a consistent copy taken under the state lock.</summary>
internal sealed record ServingView(
    IReadOnlyList<KeyValuePair<string, string>> Instance,
    TokenMode TokenMode,
    bool ServeAll,
    IReadOnlyList<VisibleEni> Enis,
    FaultSettings Faults);
