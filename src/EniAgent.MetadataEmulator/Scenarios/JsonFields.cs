using System.Text.Json;

namespace EniAgent.MetadataEmulator.Scenarios;

/// <summary>Strict typed access to JSON object members; every error names the JSON path so a bad scenario is easy to fix.</summary>
internal static class JsonFields
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static JsonDocument Parse(string json, string what)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            throw new ScenarioException($"{what} is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Checks the element is an object with no duplicate and no unknown members (typos must not pass silently).</summary>
    public static void RequireObject(JsonElement element, string path, params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ScenarioException($"{path} must be a JSON object, not {element.ValueKind}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw new ScenarioException($"{path} has the member \"{property.Name}\" twice");
            }

            if (allowed.Length > 0 && Array.IndexOf(allowed, property.Name) < 0)
            {
                throw new ScenarioException(
                    $"{path} has the unknown member \"{property.Name}\" (known: {string.Join(", ", allowed)})");
            }
        }
    }

    public static JsonElement? Optional(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string RequiredString(JsonElement obj, string name, string path) =>
        Optional(obj, name) is { } value
            ? AsString(value, $"{path}.{name}")
            : throw new ScenarioException($"{path}.{name} is required");

    public static string AsString(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new ScenarioException($"{path} must be a JSON string (values are served verbatim), not {value.ValueKind}");

    public static bool OptionalBool(JsonElement obj, string name, string path, bool fallback) =>
        Optional(obj, name) switch
        {
            null => fallback,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            { } other => throw new ScenarioException($"{path}.{name} must be true or false, not {other.ValueKind}"),
        };

    public static int OptionalInt(JsonElement obj, string name, string path, int fallback, int min, int max)
    {
        if (Optional(obj, name) is not { } value)
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            throw new ScenarioException($"{path}.{name} must be an integer in {min}..{max}, not {value.GetRawText()}");
        }

        return number;
    }

    /// <summary>An object of string members, kept in document order (listings follow it).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> StringMap(JsonElement? element, string path)
    {
        if (element is not { } obj)
        {
            return [];
        }

        RequireObject(obj, path);
        var items = new List<KeyValuePair<string, string>>();
        foreach (var property in obj.EnumerateObject())
        {
            items.Add(new(property.Name, AsString(property.Value, $"{path}.{property.Name}")));
        }

        return items;
    }
}
