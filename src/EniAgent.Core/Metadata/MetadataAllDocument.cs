using System.Text.Json;
using EniAgent.Core.Metadata.Parsing;

namespace EniAgent.Core.Metadata;

/// <summary>
/// Reads the <c>meta-data/all</c> JSON document (directories as nested objects, leaves as strings) into the
/// same <see cref="RawMetadata"/> a crawl produces: only the items the agent reads are kept, strings as
/// served, and non-string leaves (e.g. <c>private-ipv4s</c> as a JSON array) as their JSON text.
/// </summary>
public static class MetadataAllDocument
{
    public const string Path = "all";

    /// <summary>Larger documents are not metadata; refuse before parsing.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public static RawMetadata Parse(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.Length > MaxBytes)
        {
            throw new MetadataFormatException(Path, null, $"document is larger than {MaxBytes} bytes");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new MetadataFormatException(Path, null, $"not valid JSON ({e.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MetadataFormatException(Path, null, "not a JSON object");
            }

            var instance = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in MetadataItems.InstanceLeaves)
            {
                if (Find(root, item) is { } element && Leaf(element) is { } value)
                {
                    instance[item] = value;
                }
            }

            if (Find(root, MetadataItems.MacsDirectory) is not { ValueKind: JsonValueKind.Object } macs)
            {
                throw new MetadataFormatException(MetadataItems.MacsDirectory, null, "missing from the document");
            }

            return new RawMetadata(instance, macs.EnumerateObject().Select(ReadEni).ToList());
        }
    }

    private static RawEni ReadEni(JsonProperty entry)
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        if (entry.Value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in entry.Value.EnumerateObject())
            {
                if (MetadataItems.EniLeaves.Contains(property.Name) && Leaf(property.Value) is { } value)
                {
                    items[property.Name] = value;
                }
            }
        }

        // A key may carry the directory's trailing '/', as the listing does.
        return new RawEni(MetadataText.TrimTerminators(entry.Name), items);
    }

    /// <summary>The element at a '/'-separated path below the root, or null.</summary>
    private static JsonElement? Find(JsonElement root, string path)
    {
        var current = root;
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>A leaf's text: strings as they are, arrays/numbers/booleans as JSON text; directories and nulls are not leaves.</summary>
    private static string? Leaf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => element.GetRawText(),
    };
}
