using EniAgent.TestKit.Stacks;
using EniAgent.TestKit.Topology;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>The small topology with <c>persist.renderer: networkd</c> and a real systemd-networkd on the guest's private bus.</summary>
internal sealed class NetworkdTopology : IAsyncDisposable
{
    private NetworkdTopology(EcsTopology topology, StackRoot root, PrivateSystemBus bus, StackDaemon networkd)
    {
        Topology = topology;
        Root = root;
        Bus = bus;
        Networkd = networkd;
    }

    public EcsTopology Topology { get; }

    public StackRoot Root { get; }

    public PrivateSystemBus Bus { get; }

    public StackDaemon Networkd { get; }

    public static async Task<NetworkdTopology> StartAsync()
    {
        var topology = await Topologies.Small().BuildAsync();
        StackRoot? root = null;
        PrivateSystemBus? bus = null;
        try
        {
            await topology.WriteRootFileAsync("/etc/eniagent/eniagent.yaml", "persist:\n  renderer: networkd\n");
            root = StackRoot.Over(topology.Root);
            bus = await PrivateSystemBus.StartAsync(root);
            return new NetworkdTopology(topology, root, bus, await NetworkdLauncher.StartAsync(topology.Guest, root, bus));
        }
        catch
        {
            bus?.Dispose();
            root?.Dispose();
            await topology.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Networkd.Dispose();
        Bus.Dispose();
        Root.Dispose();
        await Topology.DisposeAsync();
    }
}
