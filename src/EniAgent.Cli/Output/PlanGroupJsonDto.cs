using System.Text.Json.Serialization;

namespace EniAgent.Cli.Output;

internal sealed record PlanGroupJsonDto(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("eni-id")] string? EniId,
    [property: JsonPropertyName("steps")] List<PlanStepJsonDto> Steps,
    [property: JsonPropertyName("error")] string? Error);
