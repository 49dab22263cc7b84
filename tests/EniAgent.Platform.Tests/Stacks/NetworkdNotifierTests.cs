using System.Net;
using EniAgent.Core.Configuration;
using EniAgent.Core.Kernel;
using EniAgent.Platform.Stacks;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Platform.Tests.Stacks;

/// <summary>
/// Against a real systemd-networkd on a private bus: the agent applies live, writes our .network files, and the
/// notifier makes networkd take them per link (Reload; ReconfigureLink only where reload did not), for a new file,
/// a changed file and a removed file. The primary (eth0, configured by the image's own file) never sees an event.
/// </summary>
public sealed class NetworkdNotifierTests
{
    [Fact]
    public async Task Networkd_takes_new_changed_and_removed_files_per_link_and_the_primary_never_flaps()
    {
        var oneIp = new StackScenario(secondIpOnEth1: false);
        using var root = new StackRoot();
        using var instance = StackInstance.Create(oneIp, configurePrimary: false);
        ImageFiles.WriteNetworkd(root);
        using var bus = await PrivateSystemBus.StartAsync(root);
        using var networkd = await NetworkdLauncher.StartAsync(instance.Namespace, root, bus);
        var eth0 = await StackWaits.PrimaryConfiguredAsync(instance, networkd);
        var logger = new ListLogger<NetworkStackNotifier>();
        var notifier = new NetworkStackNotifier(root.Paths, logger, TimeProvider.System);

        // What a reconcile does: live first, then the files, then the pickup.
        var desired = await instance.DesiredAsync();
        await instance.ApplyLiveAsync(desired);
        await using var watch = LinkWatch.Start(instance.Namespace, eth0);
        var created = PersistedFiles.Write(root, RendererKind.Networkd, desired, oneIp.Options, []);
        var result = await notifier.NotifyAsync(created, CancellationToken.None);
        Assert.True(result.Status == StackNotifyStatus.Notified, $"{result}\n{logger}");
        Assert.Contains("eth1: took /etc/systemd/network/10-eniagent-eth1.network on reload", result.Steps);
        Assert.Contains("eth2: took /etc/systemd/network/10-eniagent-eth2.network on reload", result.Steps);
        await StackWaits.NetworkdConfiguredAsync(bus, "eth1", "/etc/systemd/network/10-eniagent-eth1.network", networkd);
        await StackWaits.NetworkdConfiguredAsync(bus, "eth2", "/etc/systemd/network/10-eniagent-eth2.network", networkd);
        await instance.WaitConvergedAsync(desired, networkd);
        Assert.Empty(KernelContent.Duplicates(await instance.SnapshotAsync(), oneIp.Layout, oneIp.Options.Routing.Protocol));

        // A second IP on eth1: only its file changes, and networkd (not the live path) adds the address and rules.
        var twoIps = new StackScenario().Desired(await instance.SnapshotAsync());
        var changed = PersistedFiles.Write(root, RendererKind.Networkd, twoIps, oneIp.Options, PersistedFiles.Paths(created));
        Assert.Equal(["/etc/systemd/network/10-eniagent-eth1.network"], changed.Files.Select(f => f.Path));
        result = await notifier.NotifyAsync(changed, CancellationToken.None);
        Assert.True(result.Status == StackNotifyStatus.Notified, $"{result}\n{logger}");
        await instance.WaitConvergedAsync(twoIps, networkd);
        Assert.Contains(await instance.SnapshotAsync() is var k ? k.Addresses : [], a => a.Address.Address.Equals(IPAddress.Parse("10.0.1.21")));

        // Removed: networkd gives eth1 back to the image's catch-all; eth2 keeps ours.
        var removed = PersistedFiles.Write(root, RendererKind.Networkd, twoIps with { Enis = [.. twoIps.Enis.Where(e => e.InterfaceName != "eth1")] }, oneIp.Options, PersistedFiles.Paths(created, changed));
        Assert.Equal(["/etc/systemd/network/10-eniagent-eth1.network"], removed.Files.Where(f => f.Removed).Select(f => f.Path));
        result = await notifier.NotifyAsync(removed, CancellationToken.None);
        Assert.True(result.Status == StackNotifyStatus.Notified, $"{result}\n{logger}");
        await StackWaits.NetworkdConfiguredAsync(bus, "eth1", ImageFiles.NetworkdCatchAll, networkd, state: null);
        Assert.Equal("/etc/systemd/network/10-eniagent-eth2.network", (await NetworkdProbe.LinkAsync(bus, "eth2")).File);

        Assert.Empty(LinkWatch.Flaps(await watch.StopAsync()));
        Assert.DoesNotContain(logger.Lines, l => l.Contains("reconfigured", StringComparison.Ordinal));
        NetworkdLog.AssertNoFailures(networkd, "eth0", "eth1", "eth2");
    }
}
