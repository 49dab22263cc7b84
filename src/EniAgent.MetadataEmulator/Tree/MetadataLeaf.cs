namespace EniAgent.MetadataEmulator.Tree;

/// <summary>A leaf whose value is served byte for byte as the response body.</summary>
internal sealed class MetadataLeaf(string value) : MetadataNode
{
    public string Value { get; } = value;
}
