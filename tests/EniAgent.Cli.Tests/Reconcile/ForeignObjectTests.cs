using EniAgent.TestKit.Topology;
using static EniAgent.Cli.Tests.Reconcile.Expect;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>Issue 3 §6 g: the agent deletes only what carries its protocol; other tools' rules and routes survive everything.</summary>
public sealed class ForeignObjectTests
{
    [RootFact]
    public async Task Foreign_rules_and_routes_survive_reconcile_a_second_reconcile_and_detach_cleanup()
    {
        await using var topology = await Topologies.Small().BuildAsync();
        var guest = topology.Guest;
        var gateway = topology.Primary.VSwitch.Gateway.ToString();
        guest.Ip("rule", "add", "pref", "100", "from", "10.1.0.0/16", "lookup", "100");
        guest.Ip("rule", "add", "pref", "31010", "from", "10.2.0.0/16", "lookup", "100");
        guest.Ip("-6", "rule", "add", "pref", "200", "from", "2001:db8:1::/48", "lookup", "200");
        guest.Ip("route", "add", "10.1.0.0/16", "via", gateway, "dev", "eth0", "table", "100");
        guest.Ip("route", "add", "10.5.0.0/16", "via", gateway, "dev", "eth0", "table", "31005", "proto", "static");
        guest.Ip("route", "add", "10.8.0.0/16", "via", gateway, "dev", "eth0");
        var foreign = Foreign(topology);

        Ok(await topology.RunAgentAsync("reconcile"));
        Assert.Equal(foreign, Foreign(topology));
        Assert.NotEmpty(GuestRouting.Owned(topology));

        Ok(await topology.RunAgentAsync("reconcile"));
        Assert.Equal(foreign, Foreign(topology));

        foreach (var eni in topology.Enis)
        {
            await topology.DetachAsync(eni);
        }

        Ok(await topology.RunAgentAsync("reconcile"));
        Assert.Equal(foreign, Foreign(topology));
        Assert.Empty(GuestRouting.Owned(topology));
    }

    /// <summary>
    /// Rules and routes not carrying the agent's protocol, leaving out the kernel's own connected and local routes
    /// (they follow addresses). Equal before and after means: nothing foreign went, and nothing the agent added lacks its mark.
    /// </summary>
    private static List<string> Foreign(EcsTopology topology) =>
    [
        .. KernelReader.Rules(topology.Guest).Where(r => r.Protocol != "201").Select(r => r.ToString())
            .Concat(KernelReader.Routes(topology.Guest).Where(r => r.Protocol is not ("201" or "kernel")).Select(r => r.ToString()))
            .Order(StringComparer.Ordinal),
    ];
}
