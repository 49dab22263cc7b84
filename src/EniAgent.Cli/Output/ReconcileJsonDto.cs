using System.Text.Json.Serialization;

namespace EniAgent.Cli.Output;

internal sealed record ReconcileJsonDto(
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("exit-code")] int ExitCode,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("enis")] List<EniDecisionJsonDto> Enis,
    [property: JsonPropertyName("groups")] List<PlanGroupJsonDto> Groups,
    [property: JsonPropertyName("warnings")] List<string> Warnings)
{
    [JsonPropertyName("renderer")]
    public string? Renderer { get; init; }

    [JsonPropertyName("files")]
    public List<FileJsonDto> Files { get; init; } = [];
}
