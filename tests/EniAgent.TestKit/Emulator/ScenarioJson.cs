using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EniAgent.TestKit.Emulator;

/// <summary>How the builders write JSON: indented and readable; any string value round-trips exactly.</summary>
internal static class ScenarioJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(JsonNode node) => node.ToJsonString(Options);

    /// <summary>An object from ordered string pairs (item order is listing order).</summary>
    public static JsonObject Object(IEnumerable<KeyValuePair<string, string>> items)
    {
        var result = new JsonObject();
        foreach (var (key, value) in items)
        {
            result[key] = value;
        }

        return result;
    }
}
