using System.Net.NetworkInformation;

namespace EniAgent.Core;

/// <summary>Formats and parses MAC addresses in the lowercase colon form the metadata service and the kernel use.</summary>
public static class MacAddress
{
    /// <summary>Formats as <c>00:16:3e:aa:bb:cc</c>.</summary>
    public static string Format(PhysicalAddress mac)
    {
        ArgumentNullException.ThrowIfNull(mac);
        return string.Join(':', mac.GetAddressBytes().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Strictly parses exactly six colon-separated hex octets (either case); anything else fails.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PhysicalAddress mac)
    {
        mac = PhysicalAddress.None;
        if (text.Length != 17)
        {
            return false;
        }

        var bytes = new byte[6];
        for (var i = 0; i < 6; i++)
        {
            var part = text.Slice(i * 3, 2);
            if (i < 5 && text[(i * 3) + 2] != ':')
            {
                return false;
            }

            if (!IsHex(part[0]) || !IsHex(part[1]))
            {
                return false;
            }

            bytes[i] = (byte)((HexValue(part[0]) << 4) | HexValue(part[1]));
        }

        mac = new PhysicalAddress(bytes);
        return true;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
