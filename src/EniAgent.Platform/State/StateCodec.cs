using System.Text.Json;
using EniAgent.Core.State;

namespace EniAgent.Platform.State;

/// <summary>The bytes of state.json ↔ <see cref="AgentState"/>, without I/O.</summary>
internal static class StateCodec
{
    public static byte[] Encode(AgentState state) =>
        [.. JsonSerializer.SerializeToUtf8Bytes(StateMapper.ToDto(state), StateJsonContext.Default.StateFileDto), (byte)'\n'];

    /// <exception cref="StateFormatException">Anything wrong with the bytes, JSON errors included.</exception>
    public static AgentState Decode(ReadOnlySpan<byte> bytes)
    {
        StateFileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(bytes, StateJsonContext.Default.StateFileDto);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            throw new StateFormatException(ex.Message, ex);
        }

        return StateMapper.FromDto(dto ?? throw new StateFormatException("the file holds JSON null"));
    }
}
