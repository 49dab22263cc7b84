using System.Text.Json.Serialization;

namespace EniAgent.Cli.Output;

internal sealed record PlanStepJsonDto(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("change")] string Change,
    [property: JsonPropertyName("status")] string Status);
