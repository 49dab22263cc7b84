using EniAgent.Core.Configuration;
using EniAgent.Core.Host;
using EniAgent.Platform.Stacks;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Platform.Tests.Stacks;

/// <summary>
/// ifcfg files go to NetworkManager when it manages the network (RHEL 8/9, Alibaba Cloud Linux 3 run its ifcfg-rh
/// plugin). Debian's NetworkManager has no ifcfg-rh, so against the real daemon only the failure path can be shown:
/// NetworkManager returns the ifcfg path in LoadConnections' failures, the result and the log name that file, and
/// nothing is activated on the device.
/// </summary>
public sealed class NetworkManagerIfcfgTests
{
    [Fact]
    public async Task Ifcfg_files_NetworkManager_cannot_read_are_reported_by_file_and_nothing_is_activated()
    {
        using var lab = await NetworkManagerLab.StartAsync(noAutoDefault: true);
        var (scenario, root, instance, bus) = (lab.Scenario, lab.Root, lab.Instance, lab.Bus);
        var logger = new ListLogger<NetworkStackNotifier>();
        var desired = await instance.DesiredAsync();
        var written = PersistedFiles.Write(root, RendererKind.Ifcfg, desired, scenario.Options, []) with { Stack = PickupStack.NetworkManager };
        Assert.Contains(written.Files, f => f.Path == "/etc/sysconfig/network-scripts/route-eth1");

        var result = await new NetworkStackNotifier(root.Paths, logger, TimeProvider.System).NotifyAsync(written, CancellationToken.None);

        Assert.True(result.Status == StackNotifyStatus.Failed, $"{result}\n{logger}");
        Assert.Equal("NetworkManager", result.Stack);
        foreach (var name in scenario.SecondaryNames)
        {
            var file = $"/etc/sysconfig/network-scripts/ifcfg-{name}";
            Assert.Contains($"{name}: NetworkManager could not load {file} (NetworkManager reads ifcfg files only through its ifcfg-rh plugin)", result.Steps);
            Assert.Contains(file, result.Detail, StringComparison.Ordinal);
            Assert.Contains(logger.Lines, l => l.StartsWith($"Warning 5003 NetworkManager could not load {file} for {name}", StringComparison.Ordinal));
            Assert.Null(await NetworkManagerProbe.ActiveFileAsync(bus, name));
        }

        // route- files are reloaded through their ifcfg file, never handed to NetworkManager on their own.
        Assert.DoesNotContain(result.Steps, s => s.Contains("/route-", StringComparison.Ordinal));
    }
}
