using System.Net;
using System.Net.Sockets;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;

namespace EniAgent.Core.Tests.Desired;

public sealed class ForeignUsageTests
{
    private const byte Static = 4;
    private static readonly RoutingLayout Layout = new(new RoutingOptions());

    [Fact]
    public void Foreign_route_in_a_layout_table_marks_its_slot()
    {
        var usage = new ForeignUsage(Kernel(routes: [Route(31002)]), Layout, []);

        Assert.True(usage.IsInUse(2));
        Assert.False(usage.IsInUse(1));
        Assert.Contains(usage.Describe(), d => d.Contains("table 31002", StringComparison.Ordinal));
    }

    [Fact]
    public void Foreign_rule_at_a_slot_priority_or_looking_up_a_slot_table_marks_it()
    {
        var usage = new ForeignUsage(Kernel(rules: [Rule(31251 + 3, 100), Rule(100, 31005)]), Layout, []);

        Assert.True(usage.IsInUse(3));
        Assert.True(usage.IsInUse(5));
        Assert.False(usage.IsInUse(4));
    }

    [Fact]
    public void Objects_of_held_slots_and_the_suppress_rule_are_ours_recreated_by_the_distro_stack()
    {
        var suppress = new RuleSnapshot(AddressFamily.InterNetwork, 31250, null, null, 254, Static, 0, RuleAction.ToTable, null, null);
        var usage = new ForeignUsage(Kernel(routes: [Route(31000)], rules: [Rule(31000, 31000), suppress]), Layout, [0]);

        Assert.Empty(usage.Describe());
    }

    private static RouteSnapshot Route(uint table) =>
        new(AddressFamily.InterNetwork, table, IPNetwork.Parse("0.0.0.0/0"), IPAddress.Parse("10.0.0.1"), 3, null, Static, RouteScope.Universe, RouteType.Unicast, null);

    private static RuleSnapshot Rule(uint priority, uint table) =>
        new(AddressFamily.InterNetwork, priority, IPNetwork.Parse("10.1.0.0/16"), null, table, Static, null, RuleAction.ToTable, null, null);

    private static KernelSnapshot Kernel(RouteSnapshot[]? routes = null, RuleSnapshot[]? rules = null) => new([], [], routes ?? [], rules ?? []);
}
