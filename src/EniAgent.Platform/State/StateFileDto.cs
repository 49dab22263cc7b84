using System.Text.Json.Serialization;

namespace EniAgent.Platform.State;

/// <summary>
/// The on-disk shape of state.json. <see cref="Version"/> is bumped whenever a field changes meaning; a file
/// with a version this build does not know is treated like a corrupt one (reported, fresh state; moved aside only when applying).
/// </summary>
internal sealed class StateFileDto
{
    public const int CurrentVersion = 1;

    [JsonPropertyName("version")]
    public int Version { get; set; }

    [JsonPropertyName("slots")]
    public List<SlotDto>? Slots { get; set; }

    [JsonPropertyName("addresses")]
    public List<AddressesDto>? Addresses { get; set; }

    [JsonPropertyName("files")]
    public List<string>? Files { get; set; }
}
