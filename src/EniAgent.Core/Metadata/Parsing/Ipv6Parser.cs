using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace EniAgent.Core.Metadata.Parsing;

/// <summary>
/// Textual IPv6 made of hex groups and colons only: no zone ids, no brackets, no embedded dotted quad, and no
/// IPv4-mapped addresses (they would be configured as IPv4 by some tools).
/// </summary>
internal static class Ipv6Parser
{
    private const int MaxLength = 39;

    public static bool TryParse(string text, [NotNullWhen(true)] out IPAddress? address, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = null;
        if (text.Length is < 2 or > MaxLength || !text.Contains(':', StringComparison.Ordinal))
        {
            error = "not an IPv6 address";
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c) && c != ':')
            {
                error = "not an IPv6 address";
                return false;
            }
        }

        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            error = "not an IPv6 address";
            return false;
        }

        if (parsed.IsIPv4MappedToIPv6)
        {
            error = "an IPv4-mapped IPv6 address";
            return false;
        }

        address = parsed;
        error = null;
        return true;
    }
}
