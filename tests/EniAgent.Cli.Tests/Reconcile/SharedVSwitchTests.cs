using EniAgent.TestKit.Topology;
using static EniAgent.Cli.Tests.Reconcile.Expect;
using static EniAgent.Cli.Tests.Reconcile.Topologies;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>field.md §5.11: two ENIs in one vSwitch. Each address must answer through its own ENI (no ARP flux, no shared subnet route).</summary>
public sealed class SharedVSwitchTests
{
    [RootFact]
    public async Task Two_enis_in_one_vswitch_each_answer_through_their_own_link()
    {
        await using var topology = await new EcsTopologyBuilder()
            .WithPrimary(Vsw1, Vsw1.Host(10))
            .AddEni(Vsw2, Vsw2.Host(10), eni => eni.WithSecondaryIps(Vsw2.Host(11)))
            .AddEni(Vsw2, Vsw2.Host(20), eni => eni.WithSecondaryIps(Vsw2.Host(21)))
            .AddPeer(Vsw2, Vsw2.Host(50))
            .BuildAsync();
        Ok(await topology.RunAgentAsync("reconcile"));

        foreach (var eni in topology.Enis)
        {
            foreach (var address in eni.Ipv4s)
            {
                foreach (var client in new[] { topology.Internet, topology.Peer(Vsw2.Host(50)).Namespace })
                {
                    await LeavesGuestThroughAsync(topology, client, address, null, eni.Name);
                }
            }
        }
    }
}
