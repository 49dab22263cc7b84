using EniAgent.Core.Configuration;
using EniAgent.Core.Kernel;
using EniAgent.Platform.Stacks;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Platform.Tests.Stacks;

/// <summary>
/// Against a real NetworkManager on a private bus, with the image's static primary profile and a catch-all DHCP
/// profile: after we write our keyfiles the notifier loads exactly those files and activates each on its own device;
/// a changed keyfile is re-applied in place (the ENI's other addresses do not even flap); a removed keyfile drops its
/// profile. The primary never sees an event.
/// </summary>
public sealed class NetworkManagerNotifierTests
{
    [Fact]
    public async Task NetworkManager_activates_reapplies_and_drops_our_profiles_per_device_and_the_primary_never_flaps()
    {
        var oneIp = new StackScenario(secondIpOnEth1: false);
        using var root = new StackRoot();
        using var instance = StackInstance.Create(oneIp, configurePrimary: false);
        ImageFiles.WriteNetworkManager(root);
        using var bus = await PrivateSystemBus.StartAsync(root);
        using var nm = await NetworkManagerLauncher.StartAsync(instance.Namespace, root, bus);
        var eth0 = await StackWaits.PrimaryConfiguredAsync(instance, nm);
        await NetworkManagerProbe.ActiveWithAsync(bus, "eth1", ImageFiles.NetworkManagerCatchAll, nm);
        var logger = new ListLogger<NetworkStackNotifier>();
        var notifier = new NetworkStackNotifier(root.Paths, logger, TimeProvider.System);

        var desired = await instance.DesiredAsync();
        await instance.ApplyLiveAsync(desired);
        await using var primaryWatch = LinkWatch.Start(instance.Namespace, eth0);
        var created = PersistedFiles.Write(root, RendererKind.NetworkManager, desired, oneIp.Options, []);
        var result = await notifier.NotifyAsync(created, CancellationToken.None);
        Assert.True(result.Status == StackNotifyStatus.Notified, $"{result}\n{logger}");
        Assert.Contains("eth1: activated /etc/NetworkManager/system-connections/eniagent-eth1.nmconnection", result.Steps);
        foreach (var name in oneIp.SecondaryNames)
        {
            await NetworkManagerProbe.ActiveWithAsync(bus, name, $"/etc/NetworkManager/system-connections/eniagent-{name}.nmconnection", nm);
        }

        await instance.WaitConvergedAsync(desired, nm, addsOnly: true);

        // NetworkManager re-creates our live rules with its own protocol; the next reconcile drops our copies, no fight.
        // It does so in its own time after ActivateConnection returned, and neither wait above sees it (our live copies
        // already satisfy both): wait until each of our rules and layout routes has its twin before reconciling.
        await Eventually.HoldsAsync(
            async () => TwinsComplete(await instance.SnapshotAsync(), oneIp),
            async () => $"NetworkManager has not re-created all of our rules and routes:\n{KernelContent.Of(await instance.SnapshotAsync(), oneIp.Layout, oneIp.SecondaryNames)}\n{nm.Output}");
        await instance.ApplyLiveAsync(desired);
        var kernel = await instance.SnapshotAsync();
        Assert.Empty(KernelContent.Duplicates(kernel, oneIp.Layout, oneIp.Options.Routing.Protocol));
        Assert.DoesNotContain(kernel.Rules, r => oneIp.Layout.IsLayoutPriority(r.Priority) && r.Protocol == oneIp.Options.Routing.Protocol);
        Assert.Empty(StackInstance.Remaining(await instance.PlanAsync(desired)));

        // A second IP on eth1, applied by NetworkManager alone, in place: 10.0.1.20 is never removed meanwhile.
        var eth1 = (await instance.SnapshotAsync()).Links.Single(l => l.Name == "eth1").Index;
        await using var eniWatch = LinkWatch.Start(instance.Namespace, eth1);
        var twoIps = new StackScenario().Desired(await instance.SnapshotAsync());
        var changed = PersistedFiles.Write(root, RendererKind.NetworkManager, twoIps, oneIp.Options, PersistedFiles.Paths(created));
        result = await notifier.NotifyAsync(changed, CancellationToken.None);
        Assert.Equal(["eth1: re-applied /etc/NetworkManager/system-connections/eniagent-eth1.nmconnection"], result.Steps);
        await instance.WaitConvergedAsync(twoIps, nm);
        Assert.DoesNotContain(await eniWatch.StopAsync(), e => e.StartsWith("Delete address 10.0.1.20/", StringComparison.Ordinal));

        // Removed: NetworkManager drops the profile and eth1 falls back to the image's catch-all; eth2 keeps ours.
        var removed = PersistedFiles.Write(root, RendererKind.NetworkManager, twoIps with { Enis = [.. twoIps.Enis.Where(e => e.InterfaceName != "eth1")] }, oneIp.Options, PersistedFiles.Paths(created, changed));
        result = await notifier.NotifyAsync(removed, CancellationToken.None);
        Assert.True(result.Status == StackNotifyStatus.Notified, $"{result}\n{logger}");
        await NetworkManagerProbe.ActiveWithAsync(bus, "eth1", ImageFiles.NetworkManagerCatchAll, nm);
        Assert.Equal("/etc/NetworkManager/system-connections/eniagent-eth2.nmconnection", await NetworkManagerProbe.ActiveFileAsync(bus, "eth2"));

        Assert.Empty(LinkWatch.Flaps(await primaryWatch.StopAsync()));
    }

    /// <summary>Every rule at a layout priority and every layout-table route that carries our protocol has a copy of another protocol beside it.</summary>
    private static bool TwinsComplete(KernelSnapshot kernel, StackScenario scenario)
    {
        var protocol = scenario.Options.Routing.Protocol;
        var ours = kernel.Rules.Count(r => scenario.Layout.IsLayoutPriority(r.Priority) && r.Protocol == protocol)
            + kernel.Routes.Count(r => scenario.Layout.IsLayoutTable(r.Table) && r.Protocol == protocol);
        return KernelContent.Duplicates(kernel, scenario.Layout, protocol).Count == ours;
    }
}
