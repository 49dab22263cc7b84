using System.Text.Json.Serialization;

namespace EniAgent.Cli.Status;

internal sealed record StatusJsonDto(
    [property: JsonPropertyName("instance-id")] string InstanceId,
    [property: JsonPropertyName("enis")] List<EniStatusJsonDto> Enis,
    [property: JsonPropertyName("warnings")] List<string> Warnings)
{
    /// <summary>The persisted-configuration format chosen, and every probe's verdict with its reason.</summary>
    [JsonPropertyName("renderer")]
    public string? Renderer { get; init; }

    [JsonPropertyName("renderer-verdicts")]
    public List<string> RendererVerdicts { get; init; } = [];
}
