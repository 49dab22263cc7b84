using System.Text.RegularExpressions;

namespace EniAgent.Rendering;

/// <summary>
/// Pure check of <c>/etc/network/interfaces</c>: does it pull in eniagent's files from
/// <c>/etc/network/interfaces.d</c>? Debian's default file does (<c>source /etc/network/interfaces.d/*</c>), but
/// images built by hand often do not, and then ifupdown silently ignores everything eniagent persists.
/// </summary>
public static partial class IfupdownSourceCheck
{
    private const string NetworkDirectory = "/etc/network";

    /// <summary>True when a <c>source</c> or <c>source-directory</c> line covers <paramref name="renderedPath"/>.</summary>
    public static bool Includes(string interfacesText, string renderedPath)
    {
        ArgumentNullException.ThrowIfNull(interfacesText);
        ArgumentNullException.ThrowIfNull(renderedPath);
        var directory = Path.GetDirectoryName(renderedPath) ?? string.Empty;
        var fileName = Path.GetFileName(renderedPath);
        foreach (var rawLine in interfacesText.Split('\n'))
        {
            var words = rawLine.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || words[0].StartsWith('#'))
            {
                continue;
            }

            var target = Absolute(words[1]);
            if (words[0] == "source" && GlobMatches(target, renderedPath))
            {
                return true;
            }

            // source-directory reads only names made of letters, digits, '_' and '-' (run-parts rules).
            if (words[0] is "source-directory" or "source-dir"
                && string.Equals(target.TrimEnd('/'), directory, StringComparison.Ordinal)
                && RunPartsName().IsMatch(fileName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A note when <paramref name="interfacesText"/> does not include eniagent's directory; null when it does.</summary>
    public static RenderNote? Check(string interfacesText)
    {
        const string probe = "/etc/network/interfaces.d/eniagent-eth1";
        return Includes(interfacesText, probe)
            ? null
            : new RenderNote(NoteSeverity.Warning, null, "/etc/network/interfaces does not source /etc/network/interfaces.d: ifupdown will ignore eniagent's files (add 'source /etc/network/interfaces.d/*')");
    }

    private static string Absolute(string path) => path.StartsWith('/') ? path : $"{NetworkDirectory}/{path}";

    /// <summary>Shell glob (<c>*</c>, <c>?</c>) over a whole path; <c>*</c> does not cross <c>/</c>.</summary>
    private static bool GlobMatches(string pattern, string path)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", "[^/]*", StringComparison.Ordinal).Replace("\\?", "[^/]", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(path, regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RunPartsName();
}
