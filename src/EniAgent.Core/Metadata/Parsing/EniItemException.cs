namespace EniAgent.Core.Metadata.Parsing;

/// <summary>One item of one ENI failed validation; caught per ENI so the other ENIs proceed.</summary>
internal sealed class EniItemException(string item, string? value, string reason)
    : Exception($"{item} = \"{MetadataText.Sanitize(value)}\": {reason}")
{
    public string Item { get; } = item;

    /// <summary>The raw (unsanitized) value, or null when the item is missing.</summary>
    public string? Value { get; } = value;

    public string Reason { get; } = reason;
}
