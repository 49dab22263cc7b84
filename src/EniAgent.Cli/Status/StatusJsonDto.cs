using System.Text.Json.Serialization;

namespace EniAgent.Cli.Status;

internal sealed record StatusJsonDto(
    [property: JsonPropertyName("instance-id")] string InstanceId,
    [property: JsonPropertyName("enis")] List<EniStatusJsonDto> Enis,
    [property: JsonPropertyName("warnings")] List<string> Warnings);
