using System.Text.Json.Serialization;

namespace EniAgent.Platform.State;

/// <summary>One entry of state.json's "addresses".</summary>
internal sealed class AddressesDto
{
    [JsonPropertyName("mac")]
    public string? Mac { get; set; }

    [JsonPropertyName("addresses")]
    public List<string>? Addresses { get; set; }
}
