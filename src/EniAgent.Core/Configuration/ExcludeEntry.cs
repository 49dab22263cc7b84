namespace EniAgent.Core.Configuration;

/// <summary>
/// One <c>exclude:</c> entry: a MAC address (normalised to lowercase colon form), an ENI ID (<c>eni-...</c>)
/// or a kernel interface name.
/// </summary>
internal static class ExcludeEntry
{
    /// <summary>The canonical form of the entry, or null when it is none of the three kinds.</summary>
    public static string? Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (MacAddress.TryParse(text, out var mac))
        {
            return MacAddress.Format(mac);
        }

        // "eni-" is read as an ENI ID only, so a malformed ID is an error rather than a link name that never matches.
        if (text.StartsWith("eni-", StringComparison.Ordinal))
        {
            return text.Length > 4 && text.Skip(4).All(char.IsAsciiLetterOrDigit) ? text : null;
        }

        return IsInterfaceName(text) ? text : null;
    }

    /// <summary>The kernel's rule for link names (dev_valid_name): 1..15 bytes, not "." or "..", no '/', ':' or whitespace.</summary>
    public static bool IsInterfaceName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length is > 0 and <= 15
            && text is not "." and not ".."
            && text.All(c => c > ' ' && c < 0x7f && c != '/' && c != ':');
    }
}
