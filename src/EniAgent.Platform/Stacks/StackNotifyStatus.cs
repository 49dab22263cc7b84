namespace EniAgent.Platform.Stacks;

public enum StackNotifyStatus
{
    /// <summary>The renderer's files are not read by a daemon that can be told (ifcfg, ifupdown, wicked), or nothing changed.</summary>
    NotApplicable,

    /// <summary>No system bus, or the stack's daemon is not on it: it reads the files at its next start.</summary>
    Skipped,

    /// <summary>The stack was told, for every changed interface.</summary>
    Notified,

    /// <summary>The stack was reachable but refused or failed at least one step (details logged).</summary>
    Failed,
}
