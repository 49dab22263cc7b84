using EniAgent.TestKit.Stacks;
using static EniAgent.Cli.Tests.Reconcile.Expect;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>
/// <c>eniagent reconcile</c> itself tells the running stack (on the system bus under its <c>--root</c>) to take the
/// files it just wrote, per interface: systemd-networkd and NetworkManager end up running our files on the ENIs, and
/// a second reconcile changes nothing and tells nobody.
/// </summary>
public sealed class StackPickupTests
{
    [RootFact]
    public async Task Reconcile_makes_networkd_take_our_files()
    {
        await using var topology = await Topologies.Small().BuildAsync();
        await topology.WriteRootFileAsync("/etc/eniagent/eniagent.yaml", "persist:\n  renderer: networkd\n");
        using var root = StackRoot.Over(topology.Root);
        using var bus = await PrivateSystemBus.StartAsync(root);
        using var networkd = await NetworkdLauncher.StartAsync(topology.Guest, root, bus);

        var first = Ok(await topology.RunAgentAsync("reconcile", "--verbose"));

        foreach (var name in new[] { "eth1", "eth2" })
        {
            var file = $"/etc/systemd/network/10-eniagent-{name}.network";
            Assert.Contains($"systemd-networkd: {name} took {file} on reload", first.StandardOutput + first.StandardError, StringComparison.Ordinal);
            Assert.Equal(file, (await NetworkdProbe.LinkAsync(bus, name)).File);
        }

        var second = Ok(await topology.RunAgentAsync("reconcile", "--verbose"));
        Assert.DoesNotContain("systemd-networkd:", second.StandardOutput + second.StandardError, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task Reconcile_makes_NetworkManager_run_our_profiles()
    {
        await using var topology = await Topologies.Small().BuildAsync();
        await topology.WriteRootFileAsync("/etc/eniagent/eniagent.yaml", "persist:\n  renderer: networkmanager\n");
        using var root = StackRoot.Over(topology.Root);
        using var bus = await PrivateSystemBus.StartAsync(root);
        using var nm = await NetworkManagerLauncher.StartAsync(topology.Guest, root, bus, noAutoDefault: true);

        var first = Ok(await topology.RunAgentAsync("reconcile", "--verbose"));

        foreach (var name in new[] { "eth1", "eth2" })
        {
            var file = $"/etc/NetworkManager/system-connections/eniagent-{name}.nmconnection";
            Assert.Contains($"NetworkManager: activated {file} on {name} only", first.StandardOutput + first.StandardError, StringComparison.Ordinal);
            await NetworkManagerProbe.ActiveWithAsync(bus, name, file, nm);
        }

        var second = Ok(await topology.RunAgentAsync("reconcile", "--verbose"));
        Assert.DoesNotContain("NetworkManager:", second.StandardOutput + second.StandardError, StringComparison.Ordinal);
    }
}
