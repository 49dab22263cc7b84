using System.Net.NetworkInformation;
using System.Net.Sockets;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;
using EniAgent.Core.Metadata;
using EniAgent.Core.Planning;
using static EniAgent.Core.Tests.Desired.Fixtures;

namespace EniAgent.Core.Tests.Planning;

/// <summary>IPv6 turned off on an ENI's link, before the first run or later, and on again: the plans around it.</summary>
public sealed class Ipv6OffPlannerTests
{
    private static readonly AgentOptions Options = new();
    private static readonly RoutingLayout Layout = new(Options.Routing);
    private static readonly Dictionary<string, int> Slots = new() { ["eni-second00000000001"] = 0 };
    private static readonly MetadataSnapshot Metadata = Snapshot(Secondary(1, extraIps: 1, ipv6: true));

    [Fact]
    public void A_fresh_eni_on_a_link_without_ipv6_gets_a_plan_without_any_ipv6_step()
    {
        var plan = Plan(Kernel(Ipv6LinkState.Disabled));

        var steps = plan.Groups.SelectMany(g => g.Steps).ToList();
        Assert.Contains(steps, s => s.Kind == PlanStepKind.AddAddress);
        Assert.DoesNotContain(steps, s => Family(s) == AddressFamily.InterNetworkV6);
        Assert.True(Plan(KernelSimulator.Apply(Kernel(Ipv6LinkState.Disabled), plan)).IsEmpty);
    }

    [Fact]
    public void Ipv6_turned_off_later_removes_its_rules_and_turned_on_again_adds_everything_back()
    {
        var enabled = Kernel(Ipv6LinkState.Enabled);
        var configured = KernelSimulator.Apply(enabled, Plan(enabled));
        Assert.Contains(configured.Rules, r => r.Family == AddressFamily.InterNetworkV6);

        // disable_ipv6=1: the kernel drops the link's IPv6 addresses and routes at once; rules are not tied to a link and stay.
        var disabled = configured with
        {
            Links = configured.Links.Select(l => l.Index == 3 ? l with { Ipv6 = Ipv6LinkState.Disabled } : l).ToValueList(),
            Addresses = configured.Addresses.Where(a => a.Address.Family == AddressFamily.InterNetwork).ToValueList(),
            Routes = configured.Routes.Where(r => r.Family == AddressFamily.InterNetwork).ToValueList(),
        };
        var off = Plan(disabled);

        var removed = off.Groups.SelectMany(g => g.Steps).ToList();
        Assert.All(removed, s => Assert.Equal(PlanStepKind.RemoveRule, s.Kind));
        Assert.Equal(configured.Rules.Count(r => r.Family == AddressFamily.InterNetworkV6), removed.Count); // the ENI's and the shared suppress rule
        var quiet = KernelSimulator.Apply(disabled, off);
        Assert.True(Plan(quiet).IsEmpty);

        var reenabled = quiet with { Links = quiet.Links.Select(l => l with { Ipv6 = Ipv6LinkState.Enabled }).ToValueList() };
        var on = Plan(reenabled);

        var added = on.Groups.SelectMany(g => g.Steps).ToList();
        Assert.All(added, s => Assert.Equal(AddressFamily.InterNetworkV6, Family(s)));
        Assert.Equal(
            configured.Addresses.Count(a => a.Address.Family == AddressFamily.InterNetworkV6)
            + configured.Routes.Count(r => r.Family == AddressFamily.InterNetworkV6)
            + configured.Rules.Count(r => r.Family == AddressFamily.InterNetworkV6),
            added.Count);
        Assert.True(Plan(KernelSimulator.Apply(reenabled, on)).IsEmpty);
    }

    private static AddressFamily? Family(PlanStep step) => step switch
    {
        AddAddressStep s => s.Address.Address.Family,
        AddRouteStep s => s.Route.Family,
        AddRuleStep s => s.Rule.Family,
        RemoveRuleStep s => s.Rule.Family,
        RemoveRouteStep s => s.Route.Family,
        _ => null,
    };

    private static Plan Plan(KernelSnapshot kernel)
    {
        var desired = DesiredStateBuilder.Build(Metadata, kernel.Links, Options, Slots);
        return Planner.Build(new PlannerInput(desired, kernel, Layout, new Dictionary<PhysicalAddress, IReadOnlySet<InterfaceAddress>>(), new HashSet<PhysicalAddress>(), new HashSet<int>()));
    }

    private static KernelSnapshot Kernel(Ipv6LinkState eth1) =>
        new([Link(2, "eth0", PrimaryMac) with { Ipv6 = Ipv6LinkState.Enabled }, Link(3, "eth1", SecondaryMac(1)) with { Ipv6 = eth1 }], [], [], []);
}
