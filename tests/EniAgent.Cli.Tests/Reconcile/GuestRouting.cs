using EniAgent.TestKit.Topology;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>Reads back, from the guest's rules, what the agent set up for an ENI.</summary>
internal static class GuestRouting
{
    /// <summary>The rules whose source is one of the ENI's addresses.</summary>
    public static IReadOnlyList<IpRule> RulesOf(EcsTopology topology, TopologyEni eni)
    {
        var sources = eni.Addresses.Select(a => a.ToString()).ToHashSet(StringComparer.Ordinal);
        return [.. KernelReader.Rules(topology.Guest).Where(r => sources.Contains(r.Source))];
    }

    /// <summary>The ENI's table and its two rule priorities, as the rules of its primary IP show them.</summary>
    public static (string Table, int SubnetPriority, int DefaultPriority) SlotOf(EcsTopology topology, TopologyEni eni)
    {
        var rules = KernelReader.Rules(topology.Guest).Where(r => r.Source == eni.PrimaryIp.ToString()).ToList();
        var table = Assert.Single(rules.Select(r => r.Table).Distinct());
        return (table, Assert.Single(rules, r => r.SuppressPrefixLength == 0).Priority, Assert.Single(rules, r => r.SuppressPrefixLength is null).Priority);
    }

    /// <summary>Every rule and route carrying the agent's protocol.</summary>
    public static IReadOnlyList<string> Owned(EcsTopology topology) =>
    [
        .. KernelReader.Rules(topology.Guest).Where(r => r.Protocol == "201").Select(r => r.ToString()),
        .. KernelReader.Routes(topology.Guest).Where(r => r.Protocol == "201").Select(r => r.ToString()),
    ];

    /// <summary>The global addresses on a guest link.</summary>
    public static IReadOnlySet<string> AddressesOn(EcsTopology topology, string link) =>
        KernelReader.Addresses(topology.Guest, link).Where(a => a.Scope == "global").Select(a => a.Address.ToString()).ToHashSet(StringComparer.Ordinal);
}
