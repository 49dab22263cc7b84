using EniAgent.TestKit.Topology;
using static EniAgent.Cli.Tests.Reconcile.Expect;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>field.md §5.9: a host with IPv6 disabled must not lose the IPv4 side of an ENI whose metadata lists IPv6.</summary>
public sealed class Ipv6DisabledTests
{
    [RootFact]
    public async Task Ipv4_still_works_the_ipv6_failure_is_reported_and_ipv6_false_converges()
    {
        await using var topology = await EcsTopologyBuilder.Typical(1).BuildAsync();
        var eth1 = topology.Eni("eth1");
        Sysctl.Set(topology.Guest, ("net.ipv6.conf.all.disable_ipv6", "1"), ("net.ipv6.conf.default.disable_ipv6", "1"));

        var result = Exit(1, await topology.RunAgentAsync("reconcile"));

        Assert.Contains("IPv6 is disabled", result.StandardOutput, StringComparison.Ordinal);
        await LeavesGuestThroughAsync(topology, topology.Internet, eth1.PrimaryIp, null, "eth1");

        await topology.WriteRootFileAsync("/etc/eniagent/eniagent.yaml", "ipv6: false\n");
        Ok(await topology.RunAgentAsync("reconcile"));
        var again = ReconcileReport.Parse(Ok(await topology.RunAgentAsync("reconcile", "--json")).StandardOutput);
        Assert.Empty(again.Changes);
        Assert.DoesNotContain(KernelReader.Rules(topology.Guest, System.Net.Sockets.AddressFamily.InterNetworkV6), r => r.Protocol == "201");
    }
}
