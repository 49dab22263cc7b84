namespace EniAgent.MetadataEmulator.Runtime;

/// <summary>The fault one request gets, consumed from the burst counters.</summary>
internal readonly record struct FaultDecision(FaultKind Kind, int Status = 0)
{
    public static FaultDecision None => new(FaultKind.None);
}
