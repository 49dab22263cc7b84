using System.Net.NetworkInformation;

namespace EniAgent.Core.State;

/// <summary>
/// What the agent remembers between runs (persisted as <c>/var/lib/eniagent/state.json</c>). Pure and
/// compared by content; lists are kept sorted so equal states are equal records and save to equal bytes.
/// </summary>
public sealed record AgentState
{
    public static AgentState Empty { get; } = new();

    /// <summary>Slot per ENI ID, sorted by ENI ID.</summary>
    public ValueList<SlotRecord> Slots { get; init; } = [];

    /// <summary>Addresses the agent added, per MAC (sorted by MAC; addresses sorted, no empty entries).</summary>
    public ValueList<OwnedAddresses> Addresses { get; init; } = [];

    /// <summary>Logical paths of the files the agent wrote, sorted.</summary>
    public ValueList<string> Files { get; init; } = [];

    /// <summary>ENI ID → slot, attached and detached alike.</summary>
    public IReadOnlyDictionary<string, int> SlotMap => Slots.ToDictionary(s => s.EniId, s => s.Slot, StringComparer.Ordinal);

    public ValueList<InterfaceAddress> AddressesOf(PhysicalAddress mac) =>
        Addresses.FirstOrDefault(a => a.Mac.Equals(mac))?.Addresses ?? [];

    /// <summary>Replaces the addresses recorded for a MAC; an empty set forgets the MAC.</summary>
    public AgentState WithAddresses(PhysicalAddress mac, IEnumerable<InterfaceAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(mac);
        var sorted = addresses.Distinct().OrderBy(a => a.Family).ThenBy(a => a.Address.GetAddressBytes(), ByteOrder.Instance).ThenBy(a => a.PrefixLength).ToValueList();
        var others = Addresses.Where(a => !a.Mac.Equals(mac));
        var all = sorted.Count == 0 ? others : others.Append(new OwnedAddresses(mac, sorted));
        return this with { Addresses = all.OrderBy(a => MacAddress.Format(a.Mac), StringComparer.Ordinal).ToValueList() };
    }

    public AgentState WithSlots(IEnumerable<SlotRecord> slots) =>
        this with { Slots = slots.OrderBy(s => s.EniId, StringComparer.Ordinal).ToValueList() };

    public AgentState WithFiles(IEnumerable<string> logicalPaths) =>
        this with { Files = logicalPaths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToValueList() };

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y)
        {
            return x is null || y is null ? Comparer<object>.Default.Compare(x, y) : x.AsSpan().SequenceCompareTo(y);
        }
    }
}
