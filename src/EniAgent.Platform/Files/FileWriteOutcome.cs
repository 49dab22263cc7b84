namespace EniAgent.Platform.Files;

public enum FileWriteOutcome
{
    /// <summary>Same content, mode and owner: nothing was touched (no rename, no inotify event, no reload).</summary>
    Unchanged,

    /// <summary>Same content; only mode or owner were fixed in place.</summary>
    MetadataChanged,

    Created,

    Updated,
}
