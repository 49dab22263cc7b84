using EniAgent.MetadataEmulator.Runtime;

namespace EniAgent.MetadataEmulator.Tree;

/// <summary>Builds the tree one API version serves (<c>meta-data/</c> and <c>dynamic/</c>) from a serving view.</summary>
internal static class MetadataTreeBuilder
{
    public const string MetaData = "meta-data";

    public static MetadataDirectory BuildVersionRoot(ServingView view)
    {
        var root = new MetadataDirectory();
        root.AddLeaf("dynamic/instance-identity/document", IdentityDocument.Build(view.Instance));
        var metaData = root.GetOrAddDirectory(MetaData)!;
        foreach (var (key, value) in view.Instance)
        {
            metaData.AddLeaf(key, value);
        }

        // The real service keeps the type under instance/; the contract also serves it at the top level.
        if (view.Instance.FirstOrDefault(kv => kv.Key == "instance-type").Value is { } type)
        {
            metaData.AddLeaf("instance/instance-type", type);
        }

        var macs = metaData.GetOrAddDirectory("network")?.GetOrAddDirectory("interfaces")?.GetOrAddDirectory("macs");
        if (macs is null)
        {
            return root;
        }

        foreach (var eni in view.Enis)
        {
            var directory = macs.GetOrAddDirectory(eni.Definition.Mac);
            if (directory is null || !eni.ItemsReady)
            {
                continue;
            }

            foreach (var (name, value) in eni.Definition.Items)
            {
                directory.AddLeaf(name, value);
            }
        }

        return root;
    }
}
