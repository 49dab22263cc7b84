namespace EniAgent.Rendering;

public enum NoteSeverity
{
    /// <summary>A known limit of the format, documented; nothing to do.</summary>
    Info,

    /// <summary>Something the operator should look at (the persisted files will not fully reproduce the live layout).</summary>
    Warning,
}
