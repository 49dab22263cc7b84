using System.Text.Json.Serialization;

namespace EniAgent.Cli.Output;

internal sealed record FileJsonDto(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("detail")] string Detail);
