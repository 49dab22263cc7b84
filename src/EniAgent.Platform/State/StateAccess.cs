namespace EniAgent.Platform.State;

/// <summary>What the caller of <see cref="IStateStore.Load"/> is about to do, which decides what happens to a corrupt file.</summary>
public enum StateAccess
{
    /// <summary>A read-only command (status, dry runs): a corrupt file is reported and left exactly as it is.</summary>
    ReadOnly,

    /// <summary>A command that applies and will save a new state: a corrupt file is first moved aside, for inspection.</summary>
    Apply,
}
