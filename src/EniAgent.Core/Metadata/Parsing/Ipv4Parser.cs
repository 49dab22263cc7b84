using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace EniAgent.Core.Metadata.Parsing;

/// <summary>
/// Dotted-quad IPv4 only. Unlike <see cref="IPAddress.TryParse(string, out IPAddress)"/> it refuses the
/// shorthand, octal, hex and leading-zero forms that other tools would read differently.
/// </summary>
internal static class Ipv4Parser
{
    public static bool TryParse(string text, [NotNullWhen(true)] out IPAddress? address, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = null;
        if (text.Length is < 7 or > 15)
        {
            error = "not a dotted-quad IPv4 address";
            return false;
        }

        Span<byte> bytes = stackalloc byte[4];
        var part = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '.')
            {
                if (!char.IsAsciiDigit(text[i]))
                {
                    error = "not a dotted-quad IPv4 address";
                    return false;
                }

                continue;
            }

            var digits = text.AsSpan(start, i - start);
            if (part == 4 || digits.Length is 0 or > 3)
            {
                error = "not a dotted-quad IPv4 address";
                return false;
            }

            if (digits.Length > 1 && digits[0] == '0')
            {
                error = "an octet has a leading zero";
                return false;
            }

            var value = 0;
            foreach (var d in digits)
            {
                value = (value * 10) + (d - '0');
            }

            if (value > 255)
            {
                error = "an octet is above 255";
                return false;
            }

            bytes[part++] = (byte)value;
            start = i + 1;
        }

        if (part != 4)
        {
            error = "not a dotted-quad IPv4 address";
            return false;
        }

        address = new IPAddress(bytes);
        error = null;
        return true;
    }
}
