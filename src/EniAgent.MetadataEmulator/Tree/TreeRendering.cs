using System.Text;
using System.Text.Json;
using EniAgent.MetadataEmulator.Scenarios;

namespace EniAgent.MetadataEmulator.Tree;

/// <summary>Renders directories as listings and the meta-data tree as the <c>all</c> JSON document.</summary>
internal static class TreeRendering
{
    public static string Listing(MetadataDirectory directory, FaultSettings faults)
    {
        var separator = faults.CrlfListings ? "\r\n" : "\n";
        var text = string.Join(separator, directory.Children.Select(c => c.Value is MetadataDirectory ? c.Key + "/" : c.Key));
        return faults.ListingTrailingNewline && text.Length > 0 ? text + separator : text;
    }

    public static string AllDocument(MetadataDirectory metaData)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteDirectory(writer, metaData);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteDirectory(Utf8JsonWriter writer, MetadataDirectory directory)
    {
        writer.WriteStartObject();
        foreach (var (name, node) in directory.Children)
        {
            writer.WritePropertyName(name);
            if (node is MetadataDirectory child)
            {
                WriteDirectory(writer, child);
            }
            else
            {
                WriteLeaf(writer, name, ((MetadataLeaf)node).Value);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Leaves are JSON strings, except <c>private-ipv4s</c>, embedded as an array when it parses as one.</summary>
    private static void WriteLeaf(Utf8JsonWriter writer, string name, string value)
    {
        if (name == "private-ipv4s" && TryParseArray(value) is { } array)
        {
            using (array)
            {
                array.RootElement.WriteTo(writer);
            }

            return;
        }

        writer.WriteStringValue(value);
    }

    private static JsonDocument? TryParseArray(string value)
    {
        try
        {
            var document = JsonDocument.Parse(value);
            if (document.RootElement.ValueKind == JsonValueKind.Array)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
