using System.Diagnostics.CodeAnalysis;

namespace EniAgent.Core.Metadata.Parsing;

/// <summary>
/// Splits the list shapes the service uses: a bracketed list of quoted strings (JSON) or of bare values, and,
/// where <c>allowBare</c> says so (shapes UNCONFIRMED), a single value or values separated by commas or lines.
/// Spaces and line breaks around elements are tolerated; escapes, stray quotes and (in brackets) empty elements are not.
/// </summary>
internal static class ListParser
{
    /// <summary>More entries than any ENI quota allows means the value is not to be trusted.</summary>
    public const int MaxEntries = 100;

    /// <summary>Splits and parses every element; the first bad element fails the whole list.</summary>
    public static bool TryParse<T>(string text, bool allowBare, TextParser<T> parseElement, out ValueList<T> values, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(parseElement);
        values = ValueList<T>.Empty;
        if (!TrySplit(text, allowBare, out var elements, out error))
        {
            return false;
        }

        var parsed = new List<T>(elements.Count);
        foreach (var element in elements)
        {
            if (!parseElement(element, out var value, out var elementError))
            {
                error = $"element \"{MetadataText.Sanitize(element)}\": {elementError}";
                return false;
            }

            parsed.Add(value);
        }

        values = parsed.ToValueList();
        return true;
    }

    public static bool TrySplit(string text, bool allowBare, [NotNullWhen(true)] out List<string>? elements, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        elements = null;
        var body = text.AsSpan().Trim(" \r\n");
        var bracketed = body.Length > 0 && body[0] == '[';
        if (bracketed)
        {
            if (body[^1] != ']')
            {
                error = "list has no closing bracket";
                return false;
            }

            body = body[1..^1].Trim(" \r\n");
        }
        else if (!allowBare)
        {
            error = "not a bracketed list";
            return false;
        }

        var result = new List<string>();
        if (body.IsEmpty)
        {
            elements = result;
            error = null;
            return true;
        }

        foreach (var range in body.SplitAny(bracketed ? "," : ",\n"))
        {
            var element = body[range].Trim(" \r\n");
            if (!TryUnquote(element, out var value, out error))
            {
                return false;
            }

            if (!bracketed && value.Length == 0)
            {
                continue; // bare lists: a comma and a line break may both separate the same pair
            }

            if (value.Length == 0)
            {
                error = "list has an empty element";
                return false;
            }

            if (result.Count == MaxEntries)
            {
                error = $"list has more than {MaxEntries} entries";
                return false;
            }

            result.Add(value);
        }

        elements = result;
        error = null;
        return true;
    }

    private static bool TryUnquote(ReadOnlySpan<char> element, out string value, [NotNullWhen(false)] out string? error)
    {
        value = string.Empty;
        var inner = element;
        if (element.Length >= 2 && element[0] == '"' && element[^1] == '"')
        {
            inner = element[1..^1];
        }

        if (inner.ContainsAny("\"\\[]"))
        {
            error = "list element has stray quotes, brackets or escapes";
            return false;
        }

        value = inner.ToString();
        error = null;
        return true;
    }
}
