using System.Net;
using System.Text;
using System.Text.Json;

namespace EniAgent.MetadataEmulator.Runtime;

/// <summary>Reads and writes the <c>private-ipv4s</c> item: a JSON array of quoted IPv4 strings.</summary>
internal static class PrivateIpv4List
{
    public static bool TryParse(string text, out List<string> entries)
    {
        entries = [];
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String)
                {
                    return false;
                }

                entries.Add(element.GetString()!);
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static int IndexOf(List<string> entries, IPAddress ip) =>
        entries.FindIndex(e => IPAddress.TryParse(e, out var parsed) ? parsed.Equals(ip) : e == ip.ToString());

    public static string Format(IEnumerable<string> entries, bool spaceAfterComma)
    {
        var builder = new StringBuilder("[");
        var first = true;
        foreach (var entry in entries)
        {
            if (!first)
            {
                builder.Append(spaceAfterComma ? ", " : ",");
            }

            builder.Append('"').Append(JsonEncodedText.Encode(entry).Value).Append('"');
            first = false;
        }

        return builder.Append(']').ToString();
    }
}
