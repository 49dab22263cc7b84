using System.Diagnostics.CodeAnalysis;

namespace EniAgent.Core.Metadata.Parsing;

/// <summary>
/// Alibaba Cloud resource ids (<c>eni-</c>, <c>vsw-</c>, <c>vpc-</c>, <c>i-</c> followed by lowercase letters
/// and digits) and plain names such as region, zone and instance type.
/// </summary>
internal static class ResourceIdParser
{
    private const int MaxIdBody = 60;
    private const int MaxNameLength = 64;

    public static bool TryParseEni(string text, [NotNullWhen(true)] out string? id, [NotNullWhen(false)] out string? error) =>
        TryParse(text, "eni-", out id, out error);

    public static bool TryParseVSwitch(string text, [NotNullWhen(true)] out string? id, [NotNullWhen(false)] out string? error) =>
        TryParse(text, "vsw-", out id, out error);

    public static bool TryParseVpc(string text, [NotNullWhen(true)] out string? id, [NotNullWhen(false)] out string? error) =>
        TryParse(text, "vpc-", out id, out error);

    public static bool TryParseInstance(string text, [NotNullWhen(true)] out string? id, [NotNullWhen(false)] out string? error) =>
        TryParse(text, "i-", out id, out error);

    public static bool TryParse(string text, string prefix, [NotNullWhen(true)] out string? id, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(prefix);
        id = null;
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            error = $"does not start with '{prefix}'";
            return false;
        }

        var body = text.AsSpan(prefix.Length);
        if (body.Length is 0 or > MaxIdBody || !IsLowerAlnum(body))
        {
            error = $"'{prefix}' must be followed by 1 to {MaxIdBody} lowercase letters or digits";
            return false;
        }

        id = text;
        error = null;
        return true;
    }

    /// <summary>Region, zone and instance type names: lowercase letters, digits, dots and dashes.</summary>
    public static bool TryParseName(string text, [NotNullWhen(true)] out string? name, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        name = null;
        if (text.Length is 0 or > MaxNameLength || !char.IsAsciiLetterLower(text[0]) && !char.IsAsciiDigit(text[0]))
        {
            error = $"must be 1 to {MaxNameLength} characters starting with a lowercase letter or digit";
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c is not '.' and not '-')
            {
                error = "may hold only lowercase letters, digits, '.' and '-'";
                return false;
            }
        }

        name = text;
        error = null;
        return true;
    }

    private static bool IsLowerAlnum(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
