namespace EniAgent.Platform.Stacks;

/// <summary>A link whose configuration changed and the .network file names (any folder) that now configure it.</summary>
internal sealed record LinkPickup(string InterfaceName, IReadOnlySet<string> NetworkFileNames)
{
    /// <summary>
    /// One entry per interface that had files written: a <c>.network</c> file counts by its name, a drop-in
    /// (<c>X.network.d/*.conf</c>) by the name of the file it completes, plus <paramref name="generated"/> names.
    /// </summary>
    public static IReadOnlyList<LinkPickup> From(IEnumerable<StackFileChange> changes, IReadOnlyDictionary<string, IReadOnlySet<string>> generated)
    {
        var names = new SortedDictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var change in changes.Where(c => !c.Removed && c.InterfaceName is not null))
        {
            var set = names.TryGetValue(change.InterfaceName!, out var s) ? s : names[change.InterfaceName!] = new HashSet<string>(StringComparer.Ordinal);
            var fileName = Path.GetFileName(change.Path);
            var folder = Path.GetFileName(Path.GetDirectoryName(change.Path)) ?? string.Empty;
            if (fileName.EndsWith(".network", StringComparison.Ordinal))
            {
                set.Add(fileName);
            }
            else if (folder.EndsWith(".network.d", StringComparison.Ordinal))
            {
                set.Add(folder[..^2]);
            }

            if (generated.TryGetValue(change.InterfaceName!, out var more))
            {
                set.UnionWith(more);
            }
        }

        return [.. names.Select(n => new LinkPickup(n.Key, n.Value))];
    }
}
