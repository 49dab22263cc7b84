using System.Text.Json;

namespace EniAgent.MetadataEmulator.Scenarios;

/// <summary>Parses scenario, ENI and faults documents (docs/emulator.md); comments and trailing commas are allowed.</summary>
internal static class ScenarioParser
{
    private const int MaxDelayMs = 24 * 60 * 60 * 1000;

    public static Scenario ParseScenario(string json)
    {
        using var document = JsonFields.Parse(json, "scenario");
        var root = document.RootElement;
        JsonFields.RequireObject(root, "$", "instance", "token-mode", "serve-all", "enis", "faults");

        var instance = JsonFields.StringMap(JsonFields.Optional(root, "instance"), "$.instance");
        foreach (var (key, _) in instance)
        {
            ValidatePath(key, $"$.instance.{key}");
        }

        var enis = new List<EniDefinition>();
        if (JsonFields.Optional(root, "enis") is { } array)
        {
            if (array.ValueKind != JsonValueKind.Array)
            {
                throw new ScenarioException($"$.enis must be a JSON array, not {array.ValueKind}");
            }

            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var eni = ParseEni(element, $"$.enis[{index++}]");
                if (enis.Exists(e => string.Equals(e.Mac, eni.Mac, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new ScenarioException($"$.enis lists the MAC {eni.Mac} twice");
                }

                enis.Add(eni);
            }
        }

        var faults = JsonFields.Optional(root, "faults") is { } f ? ParseFaults(f, "$.faults") : FaultSettings.None;
        return new Scenario(instance, ParseTokenMode(root), JsonFields.OptionalBool(root, "serve-all", "$", true), enis, faults);
    }

    public static EniDefinition ParseEni(string json)
    {
        using var document = JsonFields.Parse(json, "ENI");
        return ParseEni(document.RootElement, "$");
    }

    public static FaultSettings ParseFaults(string json)
    {
        using var document = JsonFields.Parse(json, "faults");
        return ParseFaults(document.RootElement, "$");
    }

    private static EniDefinition ParseEni(JsonElement element, string path)
    {
        JsonFields.RequireObject(element, path, "mac", "items", "visible-after-ms", "items-lag-ms");
        var mac = JsonFields.RequiredString(element, "mac", path);
        if (mac.Length == 0 || mac.Contains('/', StringComparison.Ordinal))
        {
            throw new ScenarioException($"{path}.mac must be non-empty and contain no '/': \"{mac}\"");
        }

        var items = JsonFields.StringMap(JsonFields.Optional(element, "items"), $"{path}.items");
        foreach (var (name, _) in items)
        {
            if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal))
            {
                throw new ScenarioException($"{path}.items has an item name that is empty or contains '/': \"{name}\"");
            }
        }

        return new EniDefinition(
            mac,
            items,
            TimeSpan.FromMilliseconds(JsonFields.OptionalInt(element, "visible-after-ms", path, 0, 0, MaxDelayMs)),
            TimeSpan.FromMilliseconds(JsonFields.OptionalInt(element, "items-lag-ms", path, 0, 0, MaxDelayMs)));
    }

    private static FaultSettings ParseFaults(JsonElement element, string path)
    {
        JsonFields.RequireObject(
            element,
            path,
            "latency-ms",
            "crlf-listings",
            "listing-trailing-newline",
            "json-array-spaces",
            "status-burst",
            "drop-connections");

        var burst = StatusBurst.None;
        if (JsonFields.Optional(element, "status-burst") is { } b)
        {
            var burstPath = $"{path}.status-burst";
            JsonFields.RequireObject(b, burstPath, "status", "count");
            burst = new StatusBurst(
                JsonFields.OptionalInt(b, "status", burstPath, 503, 100, 599),
                JsonFields.OptionalInt(b, "count", burstPath, 0, 0, int.MaxValue));
        }

        return new FaultSettings
        {
            Latency = TimeSpan.FromMilliseconds(JsonFields.OptionalInt(element, "latency-ms", path, 0, 0, MaxDelayMs)),
            CrlfListings = JsonFields.OptionalBool(element, "crlf-listings", path, false),
            ListingTrailingNewline = JsonFields.OptionalBool(element, "listing-trailing-newline", path, false),
            JsonArraySpaces = JsonFields.OptionalBool(element, "json-array-spaces", path, false),
            StatusBurst = burst,
            DropConnections = JsonFields.OptionalInt(element, "drop-connections", path, 0, 0, int.MaxValue),
        };
    }

    private static TokenMode ParseTokenMode(JsonElement root) =>
        JsonFields.Optional(root, "token-mode") is not { } value
            ? TokenMode.Optional
            : JsonFields.AsString(value, "$.token-mode") switch
            {
                "optional" => TokenMode.Optional,
                "required" => TokenMode.Required,
                var other => throw new ScenarioException($"$.token-mode must be \"optional\" or \"required\", not \"{other}\""),
            };

    /// <summary>Instance keys may nest with '/' (e.g. <c>instance/instance-name</c>) but need non-empty segments.</summary>
    private static void ValidatePath(string key, string path)
    {
        if (key.Split('/').Any(segment => segment.Length == 0))
        {
            throw new ScenarioException($"{path}: the key must be non-empty path segments separated by '/'");
        }
    }
}
