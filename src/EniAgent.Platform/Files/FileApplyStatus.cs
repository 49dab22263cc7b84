namespace EniAgent.Platform.Files;

public enum FileApplyStatus
{
    /// <summary>The disk was changed as planned.</summary>
    Applied,

    /// <summary>Nothing to do: already up to date.</summary>
    Unchanged,

    /// <summary>A conflict: someone else's file, not touched.</summary>
    LeftAlone,

    /// <summary>The file changed between planning and applying; not touched (the next pass re-plans).</summary>
    Stale,

    /// <summary>An I/O error; see the detail.</summary>
    Failed,
}
