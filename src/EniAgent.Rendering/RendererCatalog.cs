using System.Collections.Frozen;
using EniAgent.Core.Configuration;
using EniAgent.Rendering.Renderers;

namespace EniAgent.Rendering;

/// <summary>The renderer for each <see cref="RendererKind"/> (all but <see cref="RendererKind.None"/>).</summary>
public static class RendererCatalog
{
    private static readonly FrozenDictionary<RendererKind, IConfigRenderer> Renderers = new IConfigRenderer[]
    {
        new IfcfgRenderer(),
        new NetplanRenderer(),
        new IfupdownRenderer(),
        new WickedRenderer(),
        new NetworkManagerRenderer(),
        new NetworkdRenderer(),
    }.ToFrozenDictionary(r => r.Kind);

    public static IReadOnlyCollection<RendererKind> Kinds => Renderers.Keys;

    /// <summary>The renderer for a kind; throws for <see cref="RendererKind.None"/> or an unknown value.</summary>
    public static IConfigRenderer For(RendererKind kind) =>
        Renderers.TryGetValue(kind, out var renderer)
            ? renderer
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "no renderer for this kind");

    /// <summary>Every folder any renderer writes into (where the agent looks for its own files to remove).</summary>
    public static IReadOnlyList<string> Directories { get; } =
    [
        IfcfgRenderer.Directory, WickedRenderer.Directory, IfupdownRenderer.Directory,
        NetworkManagerRenderer.Directory, NetworkdRenderer.Directory, "/etc/netplan",
    ];

    /// <summary>
    /// Which renderer wrote a file of ours, by its (logical) path, for the stacks told over D-Bus: NetworkManager
    /// keyfiles, netplan YAML and netplan's networkd drop-ins, networkd files. <see cref="RendererKind.None"/>
    /// for every other file (their stacks are not told).
    /// </summary>
    public static RendererKind PickedUpBy(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var folder = Path.GetDirectoryName(path) ?? string.Empty;
        return folder switch
        {
            NetworkManagerRenderer.Directory => RendererKind.NetworkManager,
            "/etc/netplan" => RendererKind.Netplan,
            NetworkdRenderer.Directory when path.EndsWith(".network", StringComparison.Ordinal) => RendererKind.Networkd,
            _ when Path.GetDirectoryName(folder) == NetworkdRenderer.Directory && folder.EndsWith(".network.d", StringComparison.Ordinal) => RendererKind.Netplan,
            _ => RendererKind.None,
        };
    }

    public static bool TryGet(RendererKind kind, out IConfigRenderer renderer) => Renderers.TryGetValue(kind, out renderer!);
}
