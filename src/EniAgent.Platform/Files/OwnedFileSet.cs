using System.Text;
using EniAgent.Core;
using EniAgent.Core.Files;
using EniAgent.Core.Host;

namespace EniAgent.Platform.Files;

/// <summary>
/// The I/O edge of <see cref="FilePlanner"/>: snapshots files under the root prefix, and applies a plan with
/// <see cref="AtomicFileWriter"/>. Before each update, adoption or deletion the file is read again and the step
/// is skipped if it no longer matches what the plan saw, so a stale plan never overwrites or deletes anything.
/// Plans and results use logical paths; only this class resolves them under the root.
/// </summary>
public sealed class OwnedFileSet(HostPaths paths, AtomicFileWriter writer)
{
    public HostPaths Paths => paths;

    /// <summary>Regular, non-hidden files in a logical folder matching a glob (e.g. "ifcfg-*"), as logical paths.</summary>
    public IReadOnlyList<string> List(string logicalDirectory, string searchPattern)
    {
        var dir = paths.Resolve(logicalDirectory);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        // Hidden files are our temp files and backups, never candidates.
        return [.. Directory.EnumerateFiles(dir, searchPattern, SearchOption.TopDirectoryOnly)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(paths.ToLogical)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>What exists at each logical path; absent paths are left out.</summary>
    public IReadOnlyList<ExistingFile> Snapshot(IEnumerable<string> logicalPaths)
    {
        var result = new List<ExistingFile>();
        foreach (var logical in logicalPaths.Distinct(StringComparer.Ordinal))
        {
            var full = paths.Resolve(logical);
            var info = new FileInfo(full);
            if (info.LinkTarget is not null || Directory.Exists(full))
            {
                result.Add(new ExistingFile(logical, null, 0));
            }
            else if (info.Exists)
            {
                result.Add(new ExistingFile(logical, TryRead(full), FileSystemNative.ModeOf(full)));
            }
        }

        return result;
    }

    public FilePlan Plan(IEnumerable<DesiredFile> desired, IEnumerable<string> candidates, Func<string, bool> isOurs, bool adopt)
    {
        var wanted = desired.ToList();
        return FilePlanner.Plan(wanted, Snapshot(wanted.Select(d => d.Path).Concat(candidates)), isOurs, adopt);
    }

    public ValueList<FileApplyResult> Apply(FilePlan plan, FileOwner? owner = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Actions.Select(a => ApplyOne(a, owner)).ToValueList();
    }

    private FileApplyResult ApplyOne(FileAction action, FileOwner? owner)
    {
        var full = paths.Resolve(action.Path);
        try
        {
            switch (action.Kind)
            {
                case FileActionKind.Unchanged:
                    return Result(action, FileApplyStatus.Unchanged, action.Reason);
                case FileActionKind.Conflict:
                    return Result(action, FileApplyStatus.LeftAlone, action.Reason);
                case FileActionKind.Create when File.Exists(full) || new FileInfo(full).LinkTarget is not null:
                    return Result(action, FileApplyStatus.Stale, "appeared after planning");
                case FileActionKind.Create:
                    writer.Write(full, action.NewContent!, action.Mode!.Value, owner);
                    return Result(action, FileApplyStatus.Applied, "created");
            }

            if (!StillAsPlanned(full, action.CurrentContent))
            {
                return Result(action, FileApplyStatus.Stale, "changed after planning");
            }

            switch (action.Kind)
            {
                case FileActionKind.Update:
                    writer.Write(full, action.NewContent!, action.Mode!.Value, owner);
                    return Result(action, FileApplyStatus.Applied, "updated: " + action.Reason);
                case FileActionKind.Adopt:
                    var backup = FilePlanner.BackupPathOf(action.Path, p => File.Exists(paths.Resolve(p)));
                    writer.Write(paths.Resolve(backup), File.ReadAllBytes(full), FileSystemNative.ModeOf(full));
                    writer.Write(full, action.NewContent!, action.Mode!.Value, owner);
                    return Result(action, FileApplyStatus.Applied, "adopted; original kept as " + backup);
                case FileActionKind.Delete:
                    AtomicFileWriter.Delete(full);
                    return Result(action, FileApplyStatus.Applied, "deleted");
                default:
                    throw new InvalidOperationException($"unknown action {action.Kind}");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Result(action, FileApplyStatus.Failed, ex.Message);
        }
    }

    private static bool StillAsPlanned(string full, string? plannedContent) =>
        plannedContent is not null && new FileInfo(full) is { Exists: true, LinkTarget: null } && TryRead(full) == plannedContent;

    private static string? TryRead(string full)
    {
        try
        {
            return File.ReadAllText(full, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static FileApplyResult Result(FileAction action, FileApplyStatus status, string detail) =>
        new(action.Path, action.Kind, status, detail);
}
