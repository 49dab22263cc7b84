using System.Text.Json.Serialization;

namespace EniAgent.Platform.State;

/// <summary>One entry of state.json's "slots".</summary>
internal sealed class SlotDto
{
    [JsonPropertyName("eniId")]
    public string? EniId { get; set; }

    [JsonPropertyName("slot")]
    public int Slot { get; set; }

    [JsonPropertyName("detachedAt")]
    public DateTimeOffset? DetachedAt { get; set; }
}
