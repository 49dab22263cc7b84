using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace EniAgent.Core.Metadata.Parsing;

/// <summary>
/// Text hygiene shared by every item: trailing-terminator tolerance, a character whitelist, a size cap, and
/// sanitizing values before they reach logs or error messages.
/// </summary>
internal static class MetadataText
{
    /// <summary>No legitimate item comes close; larger ones are hostile or broken.</summary>
    public const int MaxItemBytes = 4096;

    private const int MaxDisplayChars = 96;

    /// <summary>Drops trailing CR/LF and then one trailing <c>/</c>, which the service may add (field.md §1).</summary>
    public static string TrimTerminators(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = text.Length;
        while (end > 0 && text[end - 1] is '\r' or '\n')
        {
            end--;
        }

        if (end > 0 && text[end - 1] == '/')
        {
            end--;
        }

        return text[..end];
    }

    /// <summary>
    /// Checks size and characters: a scalar may hold only <c>[A-Za-z0-9.:/-]</c>; a list may also hold
    /// brackets, commas, double quotes, spaces and line breaks.
    /// </summary>
    public static bool TryCheck(string text, bool list, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxItemBytes || Encoding.UTF8.GetByteCount(text) > MaxItemBytes)
        {
            error = $"longer than {MaxItemBytes} bytes";
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or ':' or '/' or '-')
            {
                continue;
            }

            if (list && c is '[' or ']' or ',' or '"' or ' ' or '\r' or '\n')
            {
                continue;
            }

            error = c switch
            {
                '\r' or '\n' => "contains a line break",
                ' ' => "contains whitespace",
                < ' ' or '\x7f' => $"contains control character {Escape(c)}",
                > '\x7f' => $"contains non-ASCII character {Escape(c)}",
                _ => $"contains forbidden character '{c}'",
            };
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Makes any value safe to show: escapes quotes, backslashes, control and non-ASCII characters; caps the length.</summary>
    public static string Sanitize(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var c in value)
        {
            if (builder.Length >= MaxDisplayChars)
            {
                builder.Append(CultureInfo.InvariantCulture, $"... ({value.Length} chars)");
                break;
            }

            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or >= '\x7f' => Escape(c),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static string Escape(char c) => c switch
    {
        '\r' => "\\r",
        '\n' => "\\n",
        '\t' => "\\t",
        _ => c <= '\xff' ? $"\\x{(int)c:x2}" : $"\\u{(int)c:x4}",
    };
}
