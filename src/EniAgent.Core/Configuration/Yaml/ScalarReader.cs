using System.Globalization;

namespace EniAgent.Core.Configuration.Yaml;

/// <summary>Typed reads of <see cref="YamlScalar"/> leaves; every failure names file, line, column, key and value.</summary>
internal sealed class ScalarReader(string fileName)
{
    public string FileName => fileName;

    public ConfigurationException Error(YamlScalar at, string key, string reason) =>
        new(fileName, at.Line, at.Column, key, at.Text, reason);

    public bool Bool(YamlScalar? s, string key, bool fallback)
    {
        if (s is null || s.IsNull)
        {
            return fallback;
        }

        if (string.Equals(s.Text, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(s.Text, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // YAML 1.1's yes/no/on/off are a classic trap (Norway problem); say what is accepted.
        throw Error(s, key, "expects true or false");
    }

    public long Integer(YamlScalar? s, string key, long fallback, long min, long max)
    {
        if (s is null || s.IsNull)
        {
            return fallback;
        }

        if (!long.TryParse(s.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(s, key, $"expects a whole number between {min} and {max}");
        }

        return value >= min && value <= max ? value : throw Error(s, key, $"out of range: must be between {min} and {max}");
    }

    public TimeSpan Duration(YamlScalar? s, string key, TimeSpan fallback, TimeSpan min, TimeSpan max)
    {
        if (s is null || s.IsNull)
        {
            return fallback;
        }

        if (!Configuration.Duration.TryParse(s.Text, out var value))
        {
            throw Error(s, key, "expects a duration with a unit, like 500ms, 2s, 10m or 6h");
        }

        return value >= min && value <= max
            ? value
            : throw Error(s, key, $"out of range: must be between {Configuration.Duration.Format(min)} and {Configuration.Duration.Format(max)}");
    }

    /// <summary>Reads one of <paramref name="names"/> (case-insensitive); the enum value is the matching entry.</summary>
    public T Choice<T>(YamlScalar? s, string key, T fallback, IReadOnlyList<(string Name, T Value)> names)
    {
        if (s is null || s.IsNull)
        {
            return fallback;
        }

        foreach (var (name, value) in names)
        {
            if (string.Equals(name, s.Text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw Error(s, key, "expects one of: " + string.Join(", ", names.Select(n => n.Name)));
    }

    public Uri HttpUrl(YamlScalar? s, string key, Uri fallback)
    {
        if (s is null || s.IsNull)
        {
            return fallback;
        }

        if (!Uri.TryCreate(s.Text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw Error(s, key, "expects an absolute http:// or https:// URL, like http://100.100.100.200");
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw Error(s, key, "must not carry user info, a query or a fragment");
        }

        // Relative metadata paths are appended to this base, so it must end with '/'.
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
