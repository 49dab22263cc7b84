using EniAgent.TestKit.Stacks;
using EniAgent.TestKit.Topology;
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
        await using var host = await NetworkdTopology.StartAsync();
        var (topology, bus, networkd) = (host.Topology, host.Bus, host.Networkd);

        var first = Ok(await topology.RunAgentAsync("reconcile", "--verbose"));

        foreach (var name in new[] { "eth1", "eth2" })
        {
            var file = $"/etc/systemd/network/10-eniagent-{name}.network";
            Assert.Contains($"systemd-networkd: {name} took {file} on reload", first.StandardOutput + first.StandardError, StringComparison.Ordinal);
            Assert.Equal(file, (await NetworkdProbe.LinkAsync(bus, name)).File);
        }

        var second = Ok(await topology.RunAgentAsync("reconcile", "--verbose"));
        Assert.DoesNotContain("systemd-networkd:", second.StandardOutput + second.StandardError, StringComparison.Ordinal);
        NetworkdLog.AssertNoFailures(networkd, "eth1", "eth2");
    }

    /// <summary>
    /// Once networkd runs our files, the rules are its twins (protocol static), which eniagent never deletes. clean
    /// removes the files and tells networkd, which drops them: nothing is left in the 31000 range, and the next
    /// reconcile gets the same tables (a leftover twin would make table 31000 look foreign and move eth1 to 31001).
    /// </summary>
    [RootFact]
    public async Task Clean_makes_networkd_drop_what_it_took_from_our_files_and_the_tables_stay()
    {
        await using var host = await NetworkdTopology.StartAsync();
        var topology = host.Topology;
        Ok(await topology.RunAgentAsync("reconcile"));
        Assert.Equal("/etc/systemd/network/10-eniagent-eth1.network", (await NetworkdProbe.LinkAsync(host.Bus, "eth1")).File);

        var slots = topology.Enis.Select(e => GuestRouting.SlotOf(topology, e)).ToList();
        Assert.Equal(["31000", "31001"], slots.Select(s => s.Table));

        var clean = Ok(await topology.RunAgentAsync("clean"));

        Assert.Contains("~ systemd-networkd: eth1: released our file on reload", clean.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("~ systemd-networkd: eth2: released our file on reload", clean.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(LayoutLeftovers(topology));
        Assert.Empty(topology.Enis.SelectMany(e => GuestRouting.AddressesOn(topology, e.Name)));

        Ok(await topology.RunAgentAsync("reconcile"));
        Assert.Equal(slots, topology.Enis.Select(e => GuestRouting.SlotOf(topology, e)));
        NetworkdLog.AssertNoFailures(host.Networkd, "eth1", "eth2");
    }

    /// <summary>Every rule and route of any protocol whose priority or table is in the agent's 31000 range.</summary>
    private static List<string> LayoutLeftovers(EcsTopology topology) =>
    [
        .. KernelReader.Rules(topology.Guest).Where(r => r.Priority is >= 31000 and <= 31999 || InRange(r.Table)).Select(r => r.ToString()),
        .. KernelReader.Routes(topology.Guest).Where(r => InRange(r.Table)).Select(r => r.ToString()),
    ];

    private static bool InRange(string table) => int.TryParse(table, out var t) && t is >= 31000 and <= 31999;

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

        // Nothing changed on disk: nothing is loaded or activated again; the per-pass check only looks at both devices.
        var second = Ok(await topology.RunAgentAsync("reconcile", "--verbose"));
        var log = second.StandardOutput + second.StandardError;
        Assert.Equal(["NetworkManager: checked 2 device(s) of our ENIs for auto-default profiles"], log.Split('\n').Where(l => l.Contains("NetworkManager:", StringComparison.Ordinal)).Select(l => l[l.IndexOf("NetworkManager:", StringComparison.Ordinal)..].Trim()));
    }
}
