using System.Collections.Immutable;

namespace EniAgent.Core.Metadata;

/// <summary>
/// The metadata tree exactly as served, before any parsing: instance-level leaves by path and one
/// <see cref="RawEni"/> per <c>macs/</c> entry (sorted by listed name, duplicates kept so they can be
/// reported). Both the <c>meta-data/all</c> document and a crawl produce this form. Compared by content.
/// </summary>
public sealed record RawMetadata
{
    public RawMetadata(IEnumerable<KeyValuePair<string, string>> instance, IEnumerable<RawEni> enis)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(enis);
        Instance = instance.ToImmutableSortedDictionary(StringComparer.Ordinal);
        Enis = enis.OrderBy(e => e.Mac, StringComparer.Ordinal).ToValueList();
    }

    /// <summary>Instance-level leaves by path below <c>meta-data/</c> (see <see cref="MetadataItems.InstanceLeaves"/>).</summary>
    public ImmutableSortedDictionary<string, string> Instance { get; }

    public ValueList<RawEni> Enis { get; }

    public bool Equals(RawMetadata? other) =>
        other is not null && SameItems(Instance, other.Instance) && Enis.Equals(other.Enis);

    public override int GetHashCode() => HashCode.Combine(Instance.Count, Enis);

    internal static bool SameItems(ImmutableSortedDictionary<string, string> left, ImmutableSortedDictionary<string, string> right) =>
        left.Count == right.Count &&
        left.All(kv => right.TryGetValue(kv.Key, out var value) && string.Equals(kv.Value, value, StringComparison.Ordinal));
}
