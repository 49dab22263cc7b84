namespace EniAgent.Rendering;

/// <summary>
/// File names eniagent renders under its own brand (everything except the fixed ifcfg-/ifroute-/ifrule-/route-/rule-
/// names the RHEL and SUSE formats impose). A branded name alone is not proof of ownership: the writer still
/// checks <see cref="OwnershipHeader.IsOwned"/> before replacing or removing a file.
/// </summary>
public static class BrandedFile
{
    public const string Brand = "eniagent";

    /// <summary>True when the file name (not the directory) carries the eniagent brand.</summary>
    public static bool IsBranded(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        return name.Contains(Brand, StringComparison.Ordinal);
    }
}
