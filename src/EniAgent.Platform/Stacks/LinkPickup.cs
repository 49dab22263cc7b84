namespace EniAgent.Platform.Stacks;

/// <summary>
/// A link whose configuration changed and the .network file names (any folder) involved. <see cref="Released"/>:
/// every file of ours for the link was removed, so networkd must stop running them (and drop what they configured);
/// otherwise it must run one of them.
/// </summary>
internal sealed record LinkPickup(string InterfaceName, IReadOnlySet<string> NetworkFileNames, bool Released = false)
{
    /// <summary>
    /// One entry per interface that had files written or removed: a <c>.network</c> file counts by its name, a drop-in
    /// (<c>X.network.d/*.conf</c>) by the name of the file it completes, plus <paramref name="generated"/> names.
    /// An interface with any file written is a pickup; one whose files were all removed is a release.
    /// </summary>
    public static IReadOnlyList<LinkPickup> From(IEnumerable<StackFileChange> changes, IReadOnlyDictionary<string, IReadOnlySet<string>> generated)
    {
        var names = new SortedDictionary<string, (HashSet<string> Written, HashSet<string> Removed)>(StringComparer.Ordinal);
        foreach (var change in changes.Where(c => c.InterfaceName is not null))
        {
            var entry = names.TryGetValue(change.InterfaceName!, out var e) ? e : names[change.InterfaceName!] = ([], []);
            var set = change.Removed ? entry.Removed : entry.Written;
            if (NetworkFileNameOf(change.Path) is { } fileName)
            {
                set.Add(fileName);
            }

            if (!change.Removed && generated.TryGetValue(change.InterfaceName!, out var more))
            {
                set.UnionWith(more);
            }
        }

        return
        [
            .. names.Where(n => n.Value.Written.Count > 0).Select(n => new LinkPickup(n.Key, n.Value.Written)),
            .. names.Where(n => n.Value.Written.Count == 0 && n.Value.Removed.Count > 0).Select(n => new LinkPickup(n.Key, n.Value.Removed, Released: true)),
        ];
    }

    /// <summary>True when networkd's answer (the link's .network file, null for none) is what this change wants.</summary>
    public bool IsSettled(string? networkFile) =>
        Released
            ? networkFile is null || !NetworkFileNames.Contains(Path.GetFileName(networkFile))
            : networkFile is not null && NetworkFileNames.Contains(Path.GetFileName(networkFile));

    /// <summary>The .network file a path configures: its own name, or for a drop-in the file it completes.</summary>
    private static string? NetworkFileNameOf(string path)
    {
        var fileName = Path.GetFileName(path);
        var folder = Path.GetFileName(Path.GetDirectoryName(path)) ?? string.Empty;
        return fileName.EndsWith(".network", StringComparison.Ordinal) ? fileName
            : folder.EndsWith(".network.d", StringComparison.Ordinal) ? folder[..^2]
            : null;
    }
}
