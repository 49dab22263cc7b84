namespace EniAgent.Rendering.Text;

/// <summary>
/// The two free-form strings that reach file names and file contents: ENI IDs and interface names. Everything
/// else a renderer writes comes from typed values (addresses, numbers, MACs). Both are held to strict patterns
/// so no format can mistake them for syntax (quotes, separators, section headers, path components).
/// </summary>
internal static class Names
{
    /// <summary>IFNAMSIZ - 1; the kernel's own limit.</summary>
    private const int MaxInterfaceName = 15;

    private const int MaxEniId = 64;

    /// <summary><c>eni-</c> then letters and digits.</summary>
    public static bool IsValidEniId(string? id)
    {
        if (id is null || id.Length <= 4 || id.Length > MaxEniId || !id.StartsWith("eni-", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 4; i < id.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(id[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A letter, then letters, digits, <c>_</c> or <c>-</c>; at most 15 characters. Narrower than the kernel on
    /// purpose: no dots (ifupdown's <c>source-directory</c> skips file names with dots), no colons (ifcfg alias syntax).
    /// </summary>
    public static bool IsValidInterfaceName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxInterfaceName || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
