namespace EniAgent.Rendering.Text;

/// <summary>
/// Emits YAML scalars by hand (no reflection serializer under NativeAOT). Strings are double-quoted and held to
/// letters, digits and <c>. : / _ -</c>, which need no escaping inside double quotes and can never close the quote,
/// start a comment or a flow collection.
/// </summary>
internal static class YamlText
{
    public static bool IsSafe(string value)
    {
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or ':' or '/' or '_' or '-'))
            {
                return false;
            }
        }

        return value.Length > 0;
    }

    /// <summary>The double-quoted scalar, or null when the value falls outside the safe set.</summary>
    public static string? TryQuote(string value) => IsSafe(value) ? "\"" + value + "\"" : null;
}
