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
    public void Our_layout_applied_by_the_distro_stack_is_not_a_collision()
    {
        // NetworkManager applied slot 0's keyfile: its protocol, our numbers and shapes.
        var kernel = Kernel(
            [
                Rule(31000, "10.0.1.20/32", 31000, 0),
                Rule(31251, "10.0.1.20/32", 31000, null),
                Rule(31250, null, 254, 0),
            ],
            [Route(31000, "0.0.0.0/0"), Route(31000, "10.0.1.0/24")]);

        var usage = new ForeignUsage(kernel, Layout);

        Assert.False(usage.IsInUse(0));
        Assert.Empty(usage.Describe());
    }

    [Fact]
    public void Rules_or_routes_that_do_not_follow_the_layout_still_are()
    {
        var wrongTable = new ForeignUsage(Kernel([Rule(31000, "10.0.1.20/32", 100, 0)], []), Layout);
        var noSuppress = new ForeignUsage(Kernel([Rule(31001, "10.0.1.20/32", 31001, null)], []), Layout);
        var routesOnly = new ForeignUsage(Kernel([], [Route(31002, "0.0.0.0/0")]), Layout);
        var fromAll = new ForeignUsage(Kernel([Rule(31251, null, 31000, null)], []), Layout);

        Assert.True(wrongTable.IsInUse(0));
        Assert.True(noSuppress.IsInUse(1));
        Assert.True(routesOnly.IsInUse(2));
        Assert.True(fromAll.IsInUse(0));
    }

    private static KernelSnapshot Kernel(RuleSnapshot[] rules, RouteSnapshot[] routes) => new([], [], routes, rules);

    private static RuleSnapshot Rule(uint priority, string? from, uint table, int? suppress) =>
        new(AddressFamily.InterNetwork, priority, from is null ? null : IPNetwork.Parse(from), null, table, Static, suppress ?? -1, RuleAction.ToTable, null, null);

    private static RouteSnapshot Route(uint table, string destination) =>
        new(AddressFamily.InterNetwork, table, IPNetwork.Parse(destination), null, 3, null, Static, RouteScope.Link, RouteType.Unicast, null);
}
