namespace EniAgent.Core.Planning;

public enum PlanGroupKind
{
    /// <summary>Shared rules added before any ENI's own rules.</summary>
    SharedSetup,

    /// <summary>Objects of ENIs no longer attached (link gone, or gone from metadata).</summary>
    Stale,

    Eni,

    /// <summary>Shared rules removed after the ENIs' own rules.</summary>
    SharedTeardown,
}
