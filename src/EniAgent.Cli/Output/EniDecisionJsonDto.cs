using System.Text.Json.Serialization;

namespace EniAgent.Cli.Output;

internal sealed record EniDecisionJsonDto(
    [property: JsonPropertyName("eni-id")] string? EniId,
    [property: JsonPropertyName("mac")] string? Mac,
    [property: JsonPropertyName("interface")] string? Interface,
    [property: JsonPropertyName("role")] string? Role,
    [property: JsonPropertyName("disposition")] string Disposition,
    [property: JsonPropertyName("reason")] string Reason);
