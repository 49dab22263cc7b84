namespace EniAgent.Core.Desired;

/// <summary>What the agent decided to do with one ENI this round.</summary>
public enum EniDisposition
{
    /// <summary>Metadata lists it, its link is present: the agent configures it.</summary>
    Managed,

    /// <summary>Metadata lists it but its link has not appeared yet.</summary>
    Pending,

    /// <summary>Its metadata failed validation; nothing is configured for it.</summary>
    Invalid,

    /// <summary>The configuration excludes it.</summary>
    Excluded,

    /// <summary>The primary ENI, left alone (no opt-in).</summary>
    Primary,

    /// <summary>No free slot (table/priorities) could be allocated.</summary>
    NoSlot,
}
