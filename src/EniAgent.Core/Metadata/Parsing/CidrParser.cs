using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace EniAgent.Core.Metadata.Parsing;

/// <summary><c>address/length</c> with a strict address, a decimal length, and no host bits set.</summary>
internal static class CidrParser
{
    public static bool TryParseV4(string text, out IPNetwork network, [NotNullWhen(false)] out string? error) =>
        TryParse(text, AddressFamily.InterNetwork, out network, out error);

    public static bool TryParseV6(string text, out IPNetwork network, [NotNullWhen(false)] out string? error) =>
        TryParse(text, AddressFamily.InterNetworkV6, out network, out error);

    private static bool TryParse(string text, AddressFamily family, out IPNetwork network, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        network = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            error = "not in address/length form";
            return false;
        }

        var addressText = text[..slash];
        IPAddress? address;
        if (family == AddressFamily.InterNetwork
            ? !Ipv4Parser.TryParse(addressText, out address, out error)
            : !Ipv6Parser.TryParse(addressText, out address, out error))
        {
            return false;
        }

        var maxLength = family == AddressFamily.InterNetwork ? 32 : 128;
        if (!TryParseLength(text.AsSpan(slash + 1), maxLength, out var length))
        {
            error = $"prefix length is not a number from 0 to {maxLength}";
            return false;
        }

        if (!InterfaceAddress.Mask(address!, length).Equals(address))
        {
            error = "host bits are set";
            return false;
        }

        network = new IPNetwork(address!, length);
        return true;
    }

    private static bool TryParseLength(ReadOnlySpan<char> digits, int max, out int length)
    {
        length = 0;
        if (digits.Length is 0 or > 3 || (digits.Length > 1 && digits[0] == '0'))
        {
            return false;
        }

        foreach (var d in digits)
        {
            if (!char.IsAsciiDigit(d))
            {
                return false;
            }

            length = (length * 10) + (d - '0');
        }

        return length <= max;
    }
}
