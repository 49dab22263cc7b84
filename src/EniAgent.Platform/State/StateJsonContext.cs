using System.Text.Json.Serialization;

namespace EniAgent.Platform.State;

/// <summary>Source-generated System.Text.Json metadata: the only JSON mode that is NativeAOT-safe.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(StateFileDto))]
internal sealed partial class StateJsonContext : JsonSerializerContext
{
}
