namespace EniAgent.Core.Metadata;

/// <summary>
/// An instance-level item (or the shape of the tree itself) is unusable, so no snapshot can be trusted.
/// Per-ENI problems are never reported this way: they become <see cref="InvalidEni"/> entries.
/// </summary>
public sealed class MetadataFormatException : MetadataException
{
    public MetadataFormatException(string item, string? value, string reason)
        : base(value is null ? $"metadata item {item}: {reason}" : $"metadata item {item} = \"{value}\": {reason}")
    {
        Item = item;
        Value = value;
        Reason = reason;
    }

    /// <summary>The item's path below <c>meta-data/</c>, e.g. <c>instance-id</c>.</summary>
    public string Item { get; }

    /// <summary>The offending value, sanitized for display; null when the item is missing.</summary>
    public string? Value { get; }

    public string Reason { get; }
}
