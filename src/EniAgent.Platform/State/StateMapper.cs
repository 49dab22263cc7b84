using System.Globalization;
using System.Net;
using EniAgent.Core;
using EniAgent.Core.State;

namespace EniAgent.Platform.State;

/// <summary>Between <see cref="AgentState"/> and the versioned file shape; reading validates every field.</summary>
internal static class StateMapper
{
    public static StateFileDto ToDto(AgentState state) => new()
    {
        Version = StateFileDto.CurrentVersion,
        Slots = [.. state.Slots.Select(s => new SlotDto { EniId = s.EniId, Slot = s.Slot, DetachedAt = s.DetachedAt })],
        Addresses = [.. state.Addresses.Select(a => new AddressesDto { Mac = MacAddress.Format(a.Mac), Addresses = [.. a.Addresses.Select(x => x.ToString())] })],
        Files = [.. state.Files],
    };

    /// <exception cref="StateFormatException">Unknown version or an invalid field.</exception>
    public static AgentState FromDto(StateFileDto dto)
    {
        if (dto.Version != StateFileDto.CurrentVersion)
        {
            throw new StateFormatException($"version {dto.Version} is not supported (this build reads version {StateFileDto.CurrentVersion})");
        }

        var slots = new List<SlotRecord>();
        foreach (var s in dto.Slots ?? [])
        {
            if (string.IsNullOrEmpty(s.EniId) || s.Slot < 0)
            {
                throw new StateFormatException($"invalid slot entry (eniId '{s.EniId}', slot {s.Slot})");
            }

            if (slots.Any(x => x.EniId == s.EniId || x.Slot == s.Slot))
            {
                throw new StateFormatException($"slot entry for {s.EniId} (slot {s.Slot}) repeats an ENI or a slot");
            }

            slots.Add(new SlotRecord(s.EniId, s.Slot, s.DetachedAt));
        }

        var state = AgentState.Empty.WithSlots(slots).WithFiles((dto.Files ?? []).Select(CheckPath));
        foreach (var a in dto.Addresses ?? [])
        {
            if (a.Mac is null || !MacAddress.TryParse(a.Mac, out var mac))
            {
                throw new StateFormatException($"invalid MAC '{a.Mac}'");
            }

            if (state.AddressesOf(mac).Count > 0)
            {
                throw new StateFormatException($"MAC {a.Mac} appears twice");
            }

            state = state.WithAddresses(mac, (a.Addresses ?? []).Select(ParseAddress));
        }

        return state;
    }

    private static string CheckPath(string? path) =>
        path is { Length: > 1 } && path[0] == '/' && !path.Contains("/../", StringComparison.Ordinal) && !path.EndsWith("/..", StringComparison.Ordinal)
            ? path
            : throw new StateFormatException($"invalid file path '{path}'");

    private static InterfaceAddress ParseAddress(string? text)
    {
        var slash = text?.IndexOf('/') ?? -1;
        if (text is null || slash < 0
            || !IPAddress.TryParse(text.AsSpan(0, slash), out var address)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || prefix > (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128))
        {
            throw new StateFormatException($"invalid address '{text}' (expected address/prefix)");
        }

        return new InterfaceAddress(address, prefix);
    }
}
