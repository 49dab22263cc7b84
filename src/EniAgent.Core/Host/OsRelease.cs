using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EniAgent.Core.Host;

/// <summary>The distribution as os-release(5) describes it (only the fields eniagent uses).</summary>
public sealed partial record OsRelease(string Id, ValueList<string> IdLike, string? VersionId, string? Name, string? PrettyName, OsReleaseSource Source)
{
    /// <summary>The number before the first dot of VERSION_ID ("8.9" → 8, "22.04" → 22, "2" → 2).</summary>
    public int? MajorVersion =>
        VersionId is { } v && int.TryParse(v.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : null;

    /// <summary>True when ID or ID_LIKE names <paramref name="id"/>.</summary>
    public bool Is(string id) => Id == id || IdLike.Contains(id);

    public bool IsRedHatFamily => Is("rhel") || Is("centos") || Is("fedora") || Id is "alinux" or "aliyun" or "anolis";

    public bool IsDebianFamily => Is("debian") || Is("ubuntu");

    public bool IsSuseFamily => Is("suse") || Id.StartsWith("sles", StringComparison.Ordinal) || Id.StartsWith("opensuse", StringComparison.Ordinal);

    public override string ToString() => $"{PrettyName ?? Name ?? Id} (ID={Id}{(IdLike.Count > 0 ? " ID_LIKE=" + string.Join(' ', IdLike) : string.Empty)}{(VersionId is null ? string.Empty : " VERSION_ID=" + VersionId)})";

    /// <summary>Parses os-release text: KEY=VALUE lines, values optionally quoted with shell-style escapes. Null without an ID.</summary>
    public static OsRelease? Parse(string text, OsReleaseSource source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || eq <= 0)
            {
                continue;
            }

            values[line[..eq].Trim()] = Unquote(line[(eq + 1)..].Trim());
        }

        if (!values.TryGetValue("ID", out var id) || id.Length == 0)
        {
            return null;
        }

        return new OsRelease(
            id.ToLowerInvariant(),
            values.TryGetValue("ID_LIKE", out var like) ? like.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToValueList() : [],
            values.GetValueOrDefault("VERSION_ID"),
            values.GetValueOrDefault("NAME"),
            values.GetValueOrDefault("PRETTY_NAME"),
            source);
    }

    /// <summary>Parses /etc/redhat-release ("CentOS release 6.10 (Final)"); null when the text names no known distribution.</summary>
    public static OsRelease? FromRedhatRelease(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = text.Split('\n')[0].Trim();
        var id = line switch
        {
            _ when line.StartsWith("CentOS", StringComparison.Ordinal) => "centos",
            _ when line.StartsWith("Red Hat Enterprise Linux", StringComparison.Ordinal) => "rhel",
            _ when line.StartsWith("Alibaba Cloud Linux", StringComparison.Ordinal) || line.StartsWith("Aliyun Linux", StringComparison.Ordinal) => "alinux",
            _ when line.StartsWith("Anolis", StringComparison.Ordinal) => "anolis",
            _ when line.StartsWith("Rocky", StringComparison.Ordinal) => "rocky",
            _ when line.StartsWith("AlmaLinux", StringComparison.Ordinal) => "almalinux",
            _ when line.StartsWith("Fedora", StringComparison.Ordinal) => "fedora",
            _ when line.StartsWith("Scientific Linux", StringComparison.Ordinal) => "scientific",
            _ => null,
        };
        if (id is null)
        {
            return null;
        }

        var version = ReleaseVersion().Match(line);
        ValueList<string> like = id == "fedora" ? [] : ["rhel", "fedora"];
        return new OsRelease(id, like, version.Success ? version.Groups[1].Value : null, line, line, OsReleaseSource.RedhatRelease);
    }

    private static string Unquote(string value)
    {
        if (value.Length < 2 || (value[0] != '"' && value[0] != '\'') || value[^1] != value[0])
        {
            return value;
        }

        var inner = value[1..^1];
        if (value[0] == '\'')
        {
            return inner;
        }

        var result = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length && inner[i + 1] is '"' or '\\' or '$' or '`')
            {
                i++;
            }

            result.Append(inner[i]);
        }

        return result.ToString();
    }

    [GeneratedRegex(@"release\s+(\d+(?:\.\d+)*)")]
    private static partial Regex ReleaseVersion();
}
