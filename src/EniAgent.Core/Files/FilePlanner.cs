namespace EniAgent.Core.Files;

/// <summary>
/// Pure: desired files + a snapshot of what is on disk + "is this content ours?" → a <see cref="FilePlan"/>.
/// Only files the ownership check accepts are ever updated or deleted; anyone else's file on a desired path is a
/// conflict, unless adoption is asked for, in which case it is backed up first.
/// </summary>
public static class FilePlanner
{
    public const string BackupSuffix = ".eniagent-bak";

    public static FilePlan Plan(IEnumerable<DesiredFile> desired, IEnumerable<ExistingFile> existing, Func<string, bool> isOurs, bool adopt)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(isOurs);

        var onDisk = new Dictionary<string, ExistingFile>(StringComparer.Ordinal);
        foreach (var file in existing)
        {
            onDisk[file.Path] = file;
        }

        var wanted = new Dictionary<string, DesiredFile>(StringComparer.Ordinal);
        foreach (var file in desired)
        {
            if (!wanted.TryAdd(file.Path, file) && wanted[file.Path] != file)
            {
                throw new ArgumentException($"two different contents desired for {file.Path}", nameof(desired));
            }
        }

        var actions = new List<FileAction>();
        foreach (var want in wanted.Values)
        {
            actions.Add(onDisk.TryGetValue(want.Path, out var have) ? ForExisting(want, have, isOurs, adopt, onDisk) : Create(want));
        }

        foreach (var have in onDisk.Values.Where(f => !wanted.ContainsKey(f.Path)))
        {
            if (have.IsRegularFile && isOurs(have.Content!))
            {
                actions.Add(new FileAction(FileActionKind.Delete, have.Path, have.Content, null, null, "ours and no longer desired"));
            }
        }

        return new FilePlan(actions.OrderBy(a => a.Path, StringComparer.Ordinal).ToValueList());
    }

    /// <summary>
    /// Where an adopted file's original goes: a dotfile beside it. Not "&lt;path&gt;.eniagent-bak": network-scripts
    /// and wicked read every ifcfg-* (so "ifcfg-eth1.eniagent-bak" would configure a device) and ifupdown sources
    /// interfaces.d/*, but all of their globs skip dotfiles. A number is added if that name is taken.
    /// </summary>
    public static string BackupPathOf(string path, Func<string, bool> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var slash = path.LastIndexOf('/');
        var first = path[..(slash + 1)] + "." + path[(slash + 1)..] + BackupSuffix;
        var candidate = first;
        for (var n = 2; taken(candidate); n++)
        {
            candidate = n <= 1000 ? first + "." + n : throw new InvalidOperationException($"no free backup name for {path}");
        }

        return candidate;
    }

    private static FileAction Create(DesiredFile want) =>
        new(FileActionKind.Create, want.Path, null, want.Content, want.Mode, "absent");

    private static FileAction ForExisting(DesiredFile want, ExistingFile have, Func<string, bool> isOurs, bool adopt, Dictionary<string, ExistingFile> onDisk)
    {
        if (!have.IsRegularFile)
        {
            return new FileAction(FileActionKind.Conflict, want.Path, null, want.Content, want.Mode, "not a regular file (symlink, folder or unreadable); left alone");
        }

        if (have.Content == want.Content && have.Mode == want.Mode)
        {
            return new FileAction(FileActionKind.Unchanged, want.Path, have.Content, want.Content, want.Mode, "up to date");
        }

        if (isOurs(have.Content!))
        {
            var reason = have.Content == want.Content ? $"mode {Octal(have.Mode)} -> {Octal(want.Mode)}" : "content differs";
            return new FileAction(FileActionKind.Update, want.Path, have.Content, want.Content, want.Mode, reason);
        }

        if (!adopt)
        {
            return new FileAction(FileActionKind.Conflict, want.Path, have.Content, want.Content, want.Mode, "exists and was not written by eniagent; left alone (adopt to take it over)");
        }

        var backup = BackupPathOf(want.Path, onDisk.ContainsKey);
        return new FileAction(FileActionKind.Adopt, want.Path, have.Content, want.Content, want.Mode, "not ours; adopting") { BackupPath = backup };
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
