using System.Net;
using System.Net.Sockets;
using EniAgent.Cli.Tests.Reconcile;
using EniAgent.TestKit.Netns;
using EniAgent.TestKit.Processes;
using EniAgent.TestKit.Stacks;
using EniAgent.TestKit.Topology;
using Xunit.Abstractions;
using static EniAgent.Cli.Tests.Reconcile.Expect;

namespace EniAgent.Cli.Tests.Daemon;

/// <summary>
/// A secondary ENI hot-plugged while <c>eniagent daemon</c> runs beside a real NetworkManager with its stock
/// auto-default behaviour (no <c>no-auto-default=*</c>): NetworkManager generates "Wired connection N" for the new NIC
/// and runs DHCP on it at once, long before metadata lists the ENI; with the VPC's DHCP server present it even gets a
/// lease and a default route in main. The agent still ends up owning the device: our keyfile is the active profile,
/// no auto-default profile is left active or saved for it, the kernel holds exactly our addresses, routes and rules
/// (real packets through the ENI's secondary IP under strict rp_filter), and the primary never flaps.
/// </summary>
public sealed class DaemonNetworkManagerRaceTests(ITestOutputHelper output)
{
    private const string OurProfile = "/etc/NetworkManager/system-connections/eniagent-eth1.nmconnection";

    private static readonly VSwitch Vsw2 = VSwitch.Numbered(2, ipv6: false);

    [RootTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hot_plugged_eni_ends_with_our_profile_and_NetworkManagers_auto_default_is_gone(bool dhcpServer)
    {
        await using var topology = await Topologies.Small(secondaries: 0)
            .AddEni(Vsw2, Vsw2.Host(10), eni => eni.WithSecondaryIps(Vsw2.Host(11)).NotInMetadata().Unplugged())
            .BuildAsync();
        var eth1 = topology.Eni("eth1");
        using var root = await KeyfileRootAsync(topology);
        using var bus = await PrivateSystemBus.StartAsync(root);
        using var nm = await NetworkManagerLauncher.StartAsync(topology.Guest, root, bus, noAutoDefault: false);
        using var dhcp = dhcpServer ? await DhcpServer.StartAsync(topology.Vpc, Vsw2.BridgeName, Vsw2.Ipv4Cidr, Vsw2.Gateway, eth1.Mac, eth1.PrimaryIp) : null;
        await NetworkManagerProbe.ActiveWithAsync(bus, "eth0", PrimaryProfile, nm);

        await using var primaryWatch = LinkWatch.Start(topology.Guest, IfIndex(topology.Guest, "eth0"));
        await using var daemon = topology.StartAgent(AgentRunOptions.Default, "daemon", "-v");
        await Until(() => Task.FromResult(Log(daemon).Contains("reconciled (", StringComparison.Ordinal)), "the daemon's first reconcile", daemon, nm);

        // The race: the link appears, NetworkManager takes it with a generated DHCP profile before metadata lists it.
        topology.PlugLink(eth1);
        await Until(async () => (await NetworkManagerProbe.ProfilesOnAsync(bus, "eth1")).Any(p => p.Active && p.AutoDefault), "NetworkManager running an auto-default profile on eth1", daemon, nm);
        if (dhcpServer)
        {
            await Until(() => Task.FromResult(DynamicAddresses(topology.Guest, "eth1").Contains(eth1.PrimaryIp.ToString())), "a DHCP lease on eth1", daemon, nm);
            // NetworkManager adds the lease's default route in a request of its own, after the address.
            await Until(() => Task.FromResult(KernelReader.Routes(topology.Guest, AddressFamily.InterNetwork, "main").Any(r => r.IsDefault && r.Device == "eth1")), "the lease's default route in main", daemon, nm);
        }

        output.WriteLine($"before metadata: {string.Join("; ", await NetworkManagerProbe.ProfilesOnAsync(bus, "eth1"))}");
        output.WriteLine($"kernel: {string.Join("; ", KernelReader.Addresses(topology.Guest, "eth1"))}; main: {string.Join("; ", KernelReader.Routes(topology.Guest, AddressFamily.InterNetwork, "main").Where(r => r.Device == "eth1"))}");
        await topology.AttachMetadataAsync(eth1);

        // Our profile runs on eth1, and it is the only one NetworkManager has for it.
        await Until(async () => await NetworkManagerProbe.ProfilesOnAsync(bus, "eth1") is [{ File: OurProfile, Active: true }], "our profile as the only one for eth1", daemon, nm, bus);
        await Until(() => Task.FromResult(Log(daemon).Contains("deleted its auto-default in-memory profile /run/NetworkManager/system-connections/Wired connection", StringComparison.Ordinal)), "the deletion logged", daemon, nm);

        // Exactly our addresses (no lease left), no route of eth1 in main, and nothing left for a reconcile to do.
        string[] ours = [eth1.PrimaryIp.ToString(), Vsw2.Host(11).ToString()];
        await Until(
            () => Task.FromResult(GuestRouting.AddressesOn(topology, "eth1").SetEquals(ours) && DynamicAddresses(topology.Guest, "eth1").Count == 0
                && !KernelReader.Routes(topology.Guest, AddressFamily.InterNetwork, "main").Any(r => r.Device == "eth1")),
            "exactly our addresses on eth1 and no eth1 route in main",
            daemon,
            nm);
        await Until(
            async () => (await topology.RunAgentAsync("reconcile", "--dry-run")).StandardOutput.Contains("0 change(s) planned", StringComparison.Ordinal),
            "a dry run with nothing left to change",
            daemon,
            nm);
        Assert.Equal(2, GuestRouting.RulesOf(topology, eth1).Count(r => r.Source == eth1.PrimaryIp.ToString()));

        await LeavesGuestThroughAsync(topology, topology.Internet, Vsw2.Host(11), null, "eth1");
        await LeavesGuestThroughAsync(topology, topology.Internet, eth1.PrimaryIp, null, "eth1");
        Assert.Empty(LinkWatch.Flaps(await primaryWatch.StopAsync()));
        output.WriteLine(string.Join('\n', Log(daemon).Split('\n').Where(l => l.Contains("NetworkManager", StringComparison.Ordinal))));
    }

    /// <summary>
    /// The agent wrote the ENI's keyfile but stopped before NetworkManager loaded it (emulated by hiding the bus
    /// socket from that one run), so NetworkManager keeps running its "Wired connection" there. The restarted daemon
    /// finds the file unchanged, so no pickup runs; its per-pass check still hands the device to our profile and
    /// deletes the generated one.
    /// </summary>
    [RootFact]
    public async Task Restarted_daemon_replaces_an_auto_default_profile_on_an_eni_whose_keyfile_is_already_in_place()
    {
        await using var topology = await Topologies.Small(secondaries: 0)
            .AddEni(Vsw2, Vsw2.Host(10), eni => eni.WithSecondaryIps(Vsw2.Host(11)))
            .BuildAsync();
        var eth1 = topology.Eni("eth1");
        using var root = await KeyfileRootAsync(topology);
        using var bus = await PrivateSystemBus.StartAsync(root);
        using var nm = await NetworkManagerLauncher.StartAsync(topology.Guest, root, bus, noAutoDefault: false);
        await NetworkManagerProbe.ActiveWithAsync(bus, "eth0", PrimaryProfile, nm);
        await Eventually.HoldsAsync(
            async () => (await NetworkManagerProbe.ProfilesOnAsync(bus, "eth1")).Any(p => p.Active && p.AutoDefault),
            async () => $"NetworkManager running an auto-default profile on eth1\n{string.Join('\n', nm.Output.Split('\n').TakeLast(60))}");

        var socket = root.Combine("/run/dbus/system_bus_socket");
        File.Move(socket, socket + ".hidden");
        try
        {
            var first = Ok(await topology.RunAgentAsync("reconcile", "--verbose"));
            Assert.Contains("no system bus", first.StandardError + first.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Move(socket + ".hidden", socket);
        }

        Assert.True(File.Exists(root.Combine(OurProfile)));
        Assert.Contains(await NetworkManagerProbe.ProfilesOnAsync(bus, "eth1"), p => p.Active && p.AutoDefault);

        await using var daemon = topology.StartAgent(AgentRunOptions.Default, "daemon", "-v");
        await Until(async () => await NetworkManagerProbe.ProfilesOnAsync(bus, "eth1") is [{ File: OurProfile, Active: true }], "our profile as the only one for eth1", daemon, nm, bus);
        await Until(() => Task.FromResult(Log(daemon).Contains("handing the device to ours", StringComparison.Ordinal)), "the take-over logged", daemon, nm);
        await Until(() => Task.FromResult(Log(daemon).Contains("deleted its auto-default in-memory profile /run/NetworkManager/system-connections/Wired connection", StringComparison.Ordinal)), "the deletion logged", daemon, nm);
        await Until(
            async () => (await topology.RunAgentAsync("reconcile", "--dry-run")).StandardOutput.Contains("0 change(s) planned", StringComparison.Ordinal),
            "a dry run with nothing left to change",
            daemon,
            nm);
        Assert.Equal(OurProfile, await NetworkManagerProbe.ActiveFileAsync(bus, "eth1"));
        Assert.True(GuestRouting.AddressesOn(topology, "eth1").SetEquals([eth1.PrimaryIp.ToString(), Vsw2.Host(11).ToString()]));
    }

    private const string PrimaryProfile = "/etc/NetworkManager/system-connections/image-eth0.nmconnection";

    /// <summary>The agent set to write keyfiles, and the image's profile for the primary in place.</summary>
    private static async Task<StackRoot> KeyfileRootAsync(EcsTopology topology)
    {
        await topology.WriteRootFileAsync("/etc/eniagent/eniagent.yaml", "persist:\n  renderer: networkmanager\n");
        var root = StackRoot.Over(topology.Root);
        WritePrimaryProfile(root, topology);
        return root;
    }

    /// <summary>The image's own profile for the primary, as it configured eth0 (stock images ship one).</summary>
    private static void WritePrimaryProfile(StackRoot root, EcsTopology topology) =>
        root.Write(PrimaryProfile, $"""
            [connection]
            id=image-eth0
            type=ethernet
            interface-name=eth0

            [ipv4]
            method=manual
            address1={topology.Primary.PrimaryIp}/{topology.Primary.VSwitch.Ipv4Cidr.PrefixLength},{topology.Primary.VSwitch.Gateway}

            [ipv6]
            method=ignore

            """, UnixFileMode.UserRead | UnixFileMode.UserWrite);

    private static int IfIndex(NetworkNamespace ns, string link) => ns.IpJson("link", "show", link)[0].GetProperty("ifindex").GetInt32();

    /// <summary>IPv4 addresses of the link that carry a lease lifetime (DHCP), as text.</summary>
    private static HashSet<string> DynamicAddresses(NetworkNamespace ns, string link) =>
        [.. ns.IpJson("-4", "address", "show", "dev", link).EnumerateArray()
            .SelectMany(l => l.GetProperty("addr_info").EnumerateArray())
            .Where(a => a.TryGetProperty("dynamic", out var d) && d.GetBoolean())
            .Select(a => a.GetProperty("local").GetString()!)];

    private static string Log(ChildProcess daemon) => daemon.StandardOutput + daemon.StandardError;

    private static Task Until(Func<Task<bool>> condition, string what, ChildProcess daemon, StackDaemon nm, PrivateSystemBus? bus = null) =>
        Eventually.HoldsAsync(condition, async () =>
            $"{what}\n{(bus is null ? string.Empty : $"profiles on eth1: {string.Join("; ", await NetworkManagerProbe.ProfilesOnAsync(bus, "eth1"))}\n")}eniagent log:\n{Log(daemon)}\nNetworkManager log (tail):\n{string.Join('\n', nm.Output.Split('\n').TakeLast(60))}");
}
