using System.Collections.Immutable;

namespace EniAgent.Core.Metadata;

/// <summary>
/// One entry of the <c>macs/</c> directory as served: the listed name (without the directory's trailing
/// <c>/</c>) and its leaves by item name, values untouched. Compared by content.
/// </summary>
public sealed record RawEni
{
    public RawEni(string mac, IEnumerable<KeyValuePair<string, string>> items)
    {
        ArgumentNullException.ThrowIfNull(mac);
        ArgumentNullException.ThrowIfNull(items);
        Mac = mac;
        Items = items.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    public string Mac { get; }

    public ImmutableSortedDictionary<string, string> Items { get; }

    public string? this[string item] => Items.GetValueOrDefault(item);

    public bool Equals(RawEni? other) =>
        other is not null && Mac == other.Mac && RawMetadata.SameItems(Items, other.Items);

    public override int GetHashCode() => HashCode.Combine(Mac, Items.Count);
}
