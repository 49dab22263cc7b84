using EniAgent.Core.Configuration;

namespace EniAgent.Core.Host;

/// <summary>
/// Pure: which running stack is told to take the files of a renderer. It follows the stack that manages the network,
/// not the file format: NetworkManager with its ifcfg-rh plugin reads ifcfg files (RHEL 8/9, Alibaba Cloud Linux 3),
/// and netplan may render for NetworkManager, whose keyfiles systemd-networkd must never be pointed at.
/// </summary>
public static class PickupSelector
{
    public static PickupChoice Select(RendererKind renderer, HostFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var nmRunning = facts.IsRunning(NetworkDaemon.NetworkManager);
        return renderer switch
        {
            RendererKind.NetworkManager => new(PickupStack.NetworkManager, "NetworkManager keyfiles"),
            RendererKind.Networkd => new(PickupStack.Networkd, "systemd-networkd files"),
            RendererKind.Ifcfg when nmRunning || facts.NmReadsIfcfg =>
                new(PickupStack.NetworkManager, nmRunning ? "NetworkManager runs and reads ifcfg files (ifcfg-rh)" : "NetworkManager reads ifcfg files (ifcfg-rh)"),
            RendererKind.Ifcfg => new(PickupStack.None, "NetworkManager neither runs nor reads ifcfg files here: network-scripts read them at ifup and boot; nothing is told"),
            RendererKind.Netplan when NetplanRendersForNetworkManager(facts, nmRunning) =>
                new(PickupStack.None, "netplan renders for NetworkManager here: our YAML takes effect at the next netplan generate (boot); systemd-networkd is not told"),
            RendererKind.Netplan => new(PickupStack.Networkd, "netplan renders for systemd-networkd"),
            _ => new(PickupStack.None, $"{renderer.ToString().ToLowerInvariant()} files are not picked up over D-Bus"),
        };
    }

    /// <summary>The pre-probe mapping by file format alone, for callers without host facts.</summary>
    public static PickupStack ByFormat(RendererKind renderer) => renderer switch
    {
        RendererKind.NetworkManager => PickupStack.NetworkManager,
        RendererKind.Networkd or RendererKind.Netplan => PickupStack.Networkd,
        _ => PickupStack.None,
    };

    /// <summary>The primary runs a netplan-generated NetworkManager profile, or NetworkManager runs and networkd does not.</summary>
    private static bool NetplanRendersForNetworkManager(HostFacts facts, bool nmRunning) =>
        facts.Primary?.NmProfile == NmProfileFormat.NetplanKeyfile
        || (nmRunning && !facts.IsRunning(NetworkDaemon.SystemdNetworkd));
}
