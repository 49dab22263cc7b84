using EniAgent.Core.Configuration;
using EniAgent.Platform.Stacks;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Platform.Tests.Stacks;

/// <summary>
/// The netplan path against a real systemd-networkd: the image's netplan (a static primary and a DHCP catch-all for
/// eth*) was generated at "boot"; after we write our YAML and drop-ins, the notifier generates our definitions alone
/// into /run/systemd/network (never <c>netplan apply</c>, never a full generate) and networkd takes them per link.
/// Every file netplan generated for the image stays byte-identical and untouched (same inode and mtime), and the
/// primary never sees an event.
/// </summary>
public sealed class NetplanNotifierTests
{
    [Fact]
    public async Task Networkd_takes_our_netplan_definitions_per_link_and_the_image_files_and_primary_stay_untouched()
    {
        var scenario = new StackScenario();
        using var root = new StackRoot();
        using var instance = StackInstance.Create(scenario, configurePrimary: false);
        ImageFiles.WriteNetplan(root);
        ImageFiles.GenerateNetplan(root);
        var imageFiles = Directory.GetFiles(root.Combine("/run/systemd/network"), "*.network").ToDictionary(f => f, Stamp);
        Assert.NotEmpty(imageFiles);
        ImageFiles.WriteVethMatches(root, scenario);

        using var bus = await PrivateSystemBus.StartAsync(root);
        using var networkd = await NetworkdLauncher.StartAsync(instance.Namespace, root, bus);
        var eth0 = await StackWaits.PrimaryConfiguredAsync(instance, networkd);
        await StackWaits.NetworkdConfiguredAsync(bus, "eth1", ImageFiles.NetplanCatchAll, networkd, state: null);
        var logger = new ListLogger<NetworkStackNotifier>();
        var notifier = new NetworkStackNotifier(root.Paths, logger, TimeProvider.System);

        var desired = await instance.DesiredAsync();
        await instance.ApplyLiveAsync(desired);
        await using var watch = LinkWatch.Start(instance.Namespace, eth0);
        var created = PersistedFiles.Write(root, RendererKind.Netplan, desired, scenario.Options, []);
        var result = await notifier.NotifyAsync(created, CancellationToken.None);

        Assert.True(result.Status == StackNotifyStatus.Notified, $"{result}\n{logger}");
        foreach (var name in scenario.SecondaryNames)
        {
            var generated = $"/run/systemd/network/10-netplan-00-eniagent-{name}.network";
            Assert.True(File.Exists(root.Combine(generated)), generated);
            Assert.Contains($"{name}: took {generated} on reload", result.Steps);
            await StackWaits.NetworkdConfiguredAsync(bus, name, generated, networkd);
        }

        await instance.WaitConvergedAsync(desired, networkd);
        Assert.Equal(imageFiles, imageFiles.Keys.ToDictionary(f => f, Stamp));
        Assert.Empty(LinkWatch.Flaps(await watch.StopAsync()));

        // Removing our YAML removes exactly what it generated; the link goes back to the image's catch-all.
        var removed = PersistedFiles.Write(root, RendererKind.Netplan, desired with { Enis = [.. desired.Enis.Where(e => e.InterfaceName != "eth2")] }, scenario.Options, PersistedFiles.Paths(created));
        result = await notifier.NotifyAsync(removed, CancellationToken.None);
        Assert.True(result.Status == StackNotifyStatus.Notified, $"{result}\n{logger}");
        Assert.False(File.Exists(root.Combine("/run/systemd/network/10-netplan-00-eniagent-eth2.network")));
        Assert.True(File.Exists(root.Combine("/run/systemd/network/10-netplan-00-eniagent-eth1.network")));
        await StackWaits.NetworkdConfiguredAsync(bus, "eth2", ImageFiles.NetplanCatchAll, networkd, state: null);
        Assert.Equal(imageFiles, imageFiles.Keys.ToDictionary(f => f, Stamp));
        NetworkdLog.AssertNoFailures(networkd, scenario.Enis.Select(e => e.Name));
    }

    private static string Stamp(string file)
    {
        var info = new FileInfo(file);
        return $"inode {Inode(file)} mtime {info.LastWriteTimeUtc.Ticks}\n{File.ReadAllText(file)}";
    }

    private static string Inode(string file) => TestKit.Netns.HostCommand.Run("stat", "-c", "%i", file).Trim();
}
