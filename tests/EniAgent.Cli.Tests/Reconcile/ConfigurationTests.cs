using EniAgent.TestKit.Topology;
using static EniAgent.Cli.Tests.Reconcile.Expect;
using static EniAgent.Cli.Tests.Reconcile.Topologies;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>Configuration that changes what reconcile touches: the primary's secondary IPs (opt-in) and excluded ENIs.</summary>
public sealed class ConfigurationTests
{
    private const string ConfigFile = "/etc/eniagent/eniagent.yaml";

    [RootFact]
    public async Task The_primarys_secondary_ips_are_added_only_on_opt_in_and_removed_when_it_is_withdrawn()
    {
        await using var topology = await new EcsTopologyBuilder()
            .WithPrimary(Vsw1, Vsw1.Host(10), eni => eni.WithSecondaryIps(Vsw1.Host(11)))
            .AddEni(Vsw2, Vsw2.Host(10))
            .BuildAsync();
        var mainBefore = KernelReader.Routes(topology.Guest, System.Net.Sockets.AddressFamily.InterNetwork, "main");
        Ok(await topology.RunAgentAsync("reconcile"));
        Assert.Equal(["192.168.1.10"], GuestRouting.AddressesOn(topology, "eth0"));

        await topology.WriteRootFileAsync(ConfigFile, "primary:\n  manage-secondary-ips: true\n");
        Ok(await topology.RunAgentAsync("reconcile"));

        Assert.Equal(["192.168.1.10", "192.168.1.11"], GuestRouting.AddressesOn(topology, "eth0").Order(StringComparer.Ordinal));
        Assert.Empty(GuestRouting.RulesOf(topology, topology.Primary));
        Assert.Equal(mainBefore, KernelReader.Routes(topology.Guest, System.Net.Sockets.AddressFamily.InterNetwork, "main"));
        await LeavesGuestThroughAsync(topology, topology.Internet, Vsw1.Host(11), null, "eth0");

        await topology.WriteRootFileAsync(ConfigFile, "primary:\n  manage-secondary-ips: false\n");
        Ok(await topology.RunAgentAsync("reconcile"));
        Assert.Equal(["192.168.1.10"], GuestRouting.AddressesOn(topology, "eth0"));
    }

    [RootFact]
    public async Task An_excluded_eni_is_left_alone_before_and_after_it_was_configured()
    {
        await using var topology = await Small().BuildAsync();
        var (eth1, eth2) = (topology.Eni("eth1"), topology.Eni("eth2"));
        await topology.WriteRootFileAsync(ConfigFile, "exclude: [eth2]\n");

        Ok(await topology.RunAgentAsync("reconcile"));

        Assert.False(KernelReader.Link(topology.Guest, "eth2").AdminUp, "the excluded ENI was brought up");
        Assert.Empty(GuestRouting.AddressesOn(topology, "eth2"));
        Assert.Empty(GuestRouting.RulesOf(topology, eth2));
        Assert.True(await Traffic.PingAsync(topology.Internet, eth1.PrimaryIp), "eth1 does not answer");

        // Configured first, excluded later: it keeps exactly what it has.
        await topology.WriteRootFileAsync(ConfigFile, "exclude: []\n");
        Ok(await topology.RunAgentAsync("reconcile"));
        var before = KernelState.Capture(topology.Guest);
        await topology.WriteRootFileAsync(ConfigFile, $"exclude: [\"{eth2.EniId}\"]\n");
        Ok(await topology.RunAgentAsync("reconcile"));
        Unchanged(before, KernelState.Capture(topology.Guest));
    }
}
