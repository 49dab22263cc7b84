using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Rendering.Tests.Consumers;

/// <summary>
/// The real NetworkManager 1.4x loads our keyfiles and activates them on the ENI veths, although a catch-all DHCP
/// profile for every ethernet device exists and NetworkManager's own "Wired connection" defaults are left on: our
/// <c>autoconnect-priority</c> wins. The kernel ends up with the same routing as the live reconcile.
/// </summary>
public sealed class NetworkManagerStackTests
{
    [Fact]
    public async Task NetworkManager_applying_our_keyfiles_gives_the_same_routing_as_the_live_reconcile()
    {
        using var stack = await StackComparison.StartAsync(RendererKind.NetworkManager, configurePrimary: false);
        ImageFiles.WriteNetworkManager(stack.Root);
        using var bus = await PrivateSystemBus.StartAsync(stack.Root);
        using var nm = await NetworkManagerLauncher.StartAsync(stack.Instance.Namespace, stack.Root, bus);

        await stack.Instance.WaitConvergedAsync(stack.Desired, nm);

        var live = stack.Live;
        var applied = await stack.AppliedAsync();
        Assert.Equal(live.Addresses, applied.Addresses);
        Assert.Equal(live.Rules, applied.Rules);
        Assert.Equal(live.MainRoutes, applied.MainRoutes);
        Assert.Empty(live.Routes.Except(applied.Routes));
        Assert.Equal([], applied.Routes.Except(live.Routes).Except(NetworkManagerOwnRoutes(stack.Desired)));
        await stack.AssertNothingRemainsAsync();
    }

    /// <summary>
    /// What NetworkManager adds by itself with <c>route-table=N</c> (docs/persisted-config.md): a prefix route per
    /// IPv4 address (same subnet and link as our on-link route, that address as source) and the IPv6 link-local
    /// prefix, both in the ENI's table rather than main. Neither changes where the ENI's traffic goes.
    /// </summary>
    private static IEnumerable<string> NetworkManagerOwnRoutes(DesiredState desired) =>
        desired.Enis.Where(e => e.Table is not null && e.InterfaceName is not null).SelectMany(e =>
            e.Addresses.Where(a => a.Address.Family == System.Net.Sockets.AddressFamily.InterNetwork)
                .Select(a => $"table {e.Table} {a.Address.Network} dev {e.InterfaceName} src {a.Address.Address}")
                .Append($"table {e.Table} fe80::/64 dev {e.InterfaceName}"));
}
