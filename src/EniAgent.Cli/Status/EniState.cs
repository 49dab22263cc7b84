namespace EniAgent.Cli.Status;

/// <summary>The state <c>eniagent status</c> reports per ENI.</summary>
internal enum EniState
{
    /// <summary>Managed and the kernel matches the desired state.</summary>
    Configured,

    /// <summary>Listed in metadata; its link has not appeared yet.</summary>
    Pending,

    /// <summary>Managed, but the kernel differs (changes pending).</summary>
    Drifted,

    /// <summary>Its metadata failed validation (or no routing slot was free).</summary>
    Invalid,

    /// <summary>Excluded by configuration, or the primary ENI without opt-in.</summary>
    Excluded,

    /// <summary>Known from earlier runs, no longer in metadata.</summary>
    Absent,
}
