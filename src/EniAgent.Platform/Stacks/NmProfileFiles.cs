namespace EniAgent.Platform.Stacks;

/// <summary>
/// The NetworkManager profile files behind changed files: a keyfile is its own profile; an ifcfg-rh profile is its
/// <c>ifcfg-&lt;if&gt;</c>, which NetworkManager reads together with <c>route-</c>/<c>route6-</c>/<c>rule-</c>/<c>rule6-&lt;if&gt;</c>,
/// so a change to any of those reloads <c>ifcfg-&lt;if&gt;</c>. Other files are not NetworkManager's.
/// </summary>
internal static class NmProfileFiles
{
    public const string IfcfgDirectory = "/etc/sysconfig/network-scripts";

    private static readonly string[] IfcfgCompanions = ["ifcfg-", "route-", "route6-", "rule-", "rule6-"];

    public static bool IsIfcfg(string path) => path.StartsWith(IfcfgDirectory + "/ifcfg-", StringComparison.Ordinal);

    /// <summary>One change per profile file, in first-seen order; removed only when the profile file itself was removed.</summary>
    public static List<StackFileChange> Of(IEnumerable<StackFileChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var profiles = new List<StackFileChange>();
        foreach (var change in changes)
        {
            if (ProfileOf(change.Path) is not { } profile)
            {
                continue;
            }

            var index = profiles.FindIndex(p => p.Path == profile);
            var own = change.Path == profile;
            if (index < 0)
            {
                profiles.Add(change with { Path = profile, Removed = own && change.Removed });
            }
            else if (own)
            {
                profiles[index] = change with { InterfaceName = change.InterfaceName ?? profiles[index].InterfaceName };
            }
        }

        return profiles;
    }

    private static string? ProfileOf(string path)
    {
        if (path.EndsWith(".nmconnection", StringComparison.Ordinal))
        {
            return path;
        }

        var name = Path.GetFileName(path);
        if (Path.GetDirectoryName(path) != IfcfgDirectory)
        {
            return null;
        }

        var prefix = IfcfgCompanions.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal) && name.Length > p.Length);
        return prefix is null ? null : $"{IfcfgDirectory}/ifcfg-{name[prefix.Length..]}";
    }
}
