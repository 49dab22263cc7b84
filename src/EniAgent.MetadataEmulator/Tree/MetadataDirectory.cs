namespace EniAgent.MetadataEmulator.Tree;

/// <summary>A directory; children keep insertion order, which is the order listings show.</summary>
internal sealed class MetadataDirectory : MetadataNode
{
    private readonly List<KeyValuePair<string, MetadataNode>> _children = [];

    public IReadOnlyList<KeyValuePair<string, MetadataNode>> Children => _children;

    public MetadataNode? Get(string name)
    {
        foreach (var (key, node) in _children)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>Returns the child directory, creating it; null when a leaf already has that name.</summary>
    public MetadataDirectory? GetOrAddDirectory(string name)
    {
        switch (Get(name))
        {
            case MetadataDirectory existing:
                return existing;
            case null:
                var created = new MetadataDirectory();
                _children.Add(new(name, created));
                return created;
            default:
                return null;
        }
    }

    /// <summary>Adds a leaf at a '/'-separated path, creating directories; the first definition of a name wins.</summary>
    public void AddLeaf(string path, string value)
    {
        var segments = path.Split('/');
        var directory = this;
        foreach (var segment in segments[..^1])
        {
            directory = directory.GetOrAddDirectory(segment);
            if (directory is null)
            {
                return;
            }
        }

        if (directory.Get(segments[^1]) is null)
        {
            directory._children.Add(new(segments[^1], new MetadataLeaf(value)));
        }
    }

    /// <summary>Follows child names from this directory; null when any step is missing or not a directory.</summary>
    public MetadataNode? Resolve(IReadOnlyList<string> segments)
    {
        MetadataNode current = this;
        foreach (var segment in segments)
        {
            if (current is not MetadataDirectory directory || directory.Get(segment) is not { } child)
            {
                return null;
            }

            current = child;
        }

        return current;
    }
}
