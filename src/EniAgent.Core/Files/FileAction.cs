namespace EniAgent.Core.Files;

/// <summary>
/// One step of a <see cref="FilePlan"/>. <see cref="CurrentContent"/> is what planning saw on disk: the applier
/// re-reads the file and skips the step if it changed meanwhile, so a file is never clobbered or deleted on a
/// stale verdict.
/// </summary>
public sealed record FileAction(
    FileActionKind Kind,
    string Path,
    string? CurrentContent,
    string? NewContent,
    UnixFileMode? Mode,
    string Reason)
{
    /// <summary>Where <see cref="FileActionKind.Adopt"/> keeps the original.</summary>
    public string? BackupPath { get; init; }

    /// <summary>True when applying the action changes the disk.</summary>
    public bool ChangesDisk => Kind is FileActionKind.Create or FileActionKind.Update or FileActionKind.Adopt or FileActionKind.Delete;

    /// <summary>Unified diff of this action (empty when nothing changes or for conflicts).</summary>
    public string Diff() => ChangesDisk
        ? UnifiedDiff.Create(Kind == FileActionKind.Create ? null : CurrentContent, Kind == FileActionKind.Delete ? null : NewContent, "a" + Path, "b" + Path)
        : string.Empty;
}
