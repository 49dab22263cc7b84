namespace EniAgent.MetadataEmulator.Tree;

/// <summary>A node of the served tree: a <see cref="MetadataDirectory"/> or a <see cref="MetadataLeaf"/>.</summary>
internal abstract class MetadataNode;
