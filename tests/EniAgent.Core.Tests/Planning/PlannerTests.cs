using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;
using EniAgent.Core.Metadata;
using EniAgent.Core.Planning;
using static EniAgent.Core.Tests.Desired.Fixtures;

namespace EniAgent.Core.Tests.Planning;

public sealed class PlannerTests
{
    private const byte Ours = 201;
    private static readonly AgentOptions Options = new();
    private static readonly RoutingLayout Layout = new(Options.Routing);
    private static readonly Dictionary<string, int> Slots = new() { ["eni-second00000000001"] = 0, ["eni-second00000000002"] = 1 };

    [Fact]
    public void Fresh_secondary_gets_link_settings_up_addresses_routes_rules_in_order()
    {
        var kernel = Kernel([Link(2, "eth0", PrimaryMac), Link(3, "eth1", SecondaryMac(1), up: false)]);

        var plan = Plan(Snapshot(Secondary(1, extraIps: 1)), kernel);

        var eni = plan.Groups.Single(g => g.Kind == PlanGroupKind.Eni);
        Assert.Equal(
            [PlanStepKind.SetLinkDevConf, PlanStepKind.SetLinkUp, PlanStepKind.AddAddress, PlanStepKind.AddAddress, PlanStepKind.AddRoute, PlanStepKind.AddRoute, PlanStepKind.AddRoute,
             PlanStepKind.AddRule, PlanStepKind.AddRule, PlanStepKind.AddRule, PlanStepKind.AddRule],
            eni.Steps.Select(s => s.Kind));
        Assert.Null(((AddRouteStep)eni.Steps[4]).Route.Gateway);
        Assert.Equal(PlanGroupKind.SharedSetup, plan.Groups[0].Kind);
        Assert.Equal("+ rule 31250: from all lookup main suppress_prefixlength 0", plan.Groups[0].Steps.Single().Describe());
    }

    [Fact]
    public void Applying_the_plan_then_planning_again_is_empty()
    {
        var kernel = Kernel([Link(2, "eth0", PrimaryMac), Link(3, "eth1", SecondaryMac(1)), Link(4, "eth2", SecondaryMac(2))]);
        var snapshot = Snapshot(Secondary(1, extraIps: 2, ipv6: true), Secondary(2));

        var first = Plan(snapshot, kernel);
        var applied = KernelSimulator.Apply(kernel, first);
        var second = Plan(snapshot, applied);

        Assert.True(second.IsEmpty, string.Join("\n", second.Groups.SelectMany(g => g.Steps)));
    }

    [Fact]
    public void Foreign_routes_rules_and_addresses_are_never_removed()
    {
        var foreignRule = new RuleSnapshot(AddressFamily.InterNetwork, 100, IPNetwork.Parse("10.0.0.0/8"), null, 100, 4, null, RuleAction.ToTable, null, null);
        var foreignRoute = new RouteSnapshot(AddressFamily.InterNetwork, 254, IPNetwork.Parse("172.17.0.0/16"), null, 9, null, 4, RouteScope.Link, RouteType.Unicast, null);
        var foreignAddress = new AddressSnapshot(3, new InterfaceAddress(IPAddress.Parse("10.9.9.9"), 24), AddressFlags.Permanent, RouteScope.Universe);
        var kernel = Kernel([Link(2, "eth0", PrimaryMac), Link(3, "eth1", SecondaryMac(1))], [foreignAddress], [foreignRoute], [foreignRule]);

        var plan = Plan(Snapshot(Secondary(1)), kernel);

        Assert.DoesNotContain(plan.Groups.SelectMany(g => g.Steps), s => s.Kind is PlanStepKind.RemoveRule or PlanStepKind.RemoveRoute or PlanStepKind.RemoveAddress);
    }

    [Fact]
    public void Detached_eni_leftovers_are_removed_but_only_ours()
    {
        var kernel = Kernel([Link(2, "eth0", PrimaryMac), Link(3, "eth1", SecondaryMac(1)), Link(4, "eth2", SecondaryMac(2))]);
        var both = KernelSimulator.Apply(kernel, Plan(Snapshot(Secondary(1), Secondary(2)), kernel));
        var eth2Gone = both with { Links = both.Links.Where(l => l.Index != 4).ToValueList(), Routes = both.Routes.Where(r => r.OutLinkIndex != 4).ToValueList() };

        var plan = Plan(Snapshot(Secondary(1)), eth2Gone);

        var stale = plan.Groups.Single(g => g.Kind == PlanGroupKind.Stale);
        Assert.All(stale.Steps, s => Assert.Equal(PlanStepKind.RemoveRule, s.Kind));
        Assert.Equal(2, stale.Steps.Count);
        Assert.All(stale.Steps.Cast<RemoveRuleStep>(), s => Assert.Equal(31001u, s.Rule.Table));
    }

    [Fact]
    public void Last_secondary_gone_removes_the_shared_rule_too()
    {
        var kernel = Kernel([Link(2, "eth0", PrimaryMac), Link(3, "eth1", SecondaryMac(1))]);
        var applied = KernelSimulator.Apply(kernel, Plan(Snapshot(Secondary(1)), kernel));

        var plan = Plan(Snapshot(), applied);

        Assert.Equal(PlanGroupKind.SharedTeardown, plan.Groups[^1].Kind);
        Assert.Contains("- rule 31250", plan.Groups[^1].Steps.Single().Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unassigned_secondary_ip_is_removed_only_when_ours()
    {
        var kernel = Kernel([Link(2, "eth0", PrimaryMac), Link(3, "eth1", SecondaryMac(1))]);
        var applied = KernelSimulator.Apply(kernel, Plan(Snapshot(Secondary(1, extraIps: 1)), kernel));
        var owned = new Dictionary<PhysicalAddress, IReadOnlySet<InterfaceAddress>>
        {
            [SecondaryMac(1)] = new HashSet<InterfaceAddress> { new(IPAddress.Parse("192.168.2.11"), 24) },
        };

        var withOwnership = Plan(Snapshot(Secondary(1)), applied, owned);
        var without = Plan(Snapshot(Secondary(1)), applied);

        Assert.Contains(withOwnership.Groups.SelectMany(g => g.Steps), s => s is RemoveAddressStep { Address.Address: var a } && a.Equals(IPAddress.Parse("192.168.2.11")));
        Assert.DoesNotContain(without.Groups.SelectMany(g => g.Steps), s => s.Kind == PlanStepKind.RemoveAddress);
        Assert.Contains(withOwnership.Groups.SelectMany(g => g.Steps), s => s is RemoveRuleStep r && r.Rule.From!.Value.ToString() == "192.168.2.11/32");
    }

    [Fact]
    public void Protected_slot_keeps_its_objects_when_metadata_turns_invalid()
    {
        var kernel = Kernel([Link(2, "eth0", PrimaryMac), Link(3, "eth1", SecondaryMac(1))]);
        var applied = KernelSimulator.Apply(kernel, Plan(Snapshot(Secondary(1)), kernel));
        var invalid = new MetadataSnapshot("i-test", null, null, null, PrimaryMac, [Primary()], [new InvalidEni("00:16:3e:00:01:01", SecondaryMac(1), "eni-second00000000001", "gateway", "$(reboot)", "not an IPv4 address")]);
        var desired = DesiredStateBuilder.Build(invalid, applied.Links, Options, Slots);

        var plan = Planner.Build(new PlannerInput(desired, applied, Layout, new Dictionary<PhysicalAddress, IReadOnlySet<InterfaceAddress>>(), new HashSet<PhysicalAddress> { SecondaryMac(1) }, new HashSet<int> { 0 }));

        Assert.DoesNotContain(plan.Groups.SelectMany(g => g.Steps), s => s.Kind is PlanStepKind.RemoveRule or PlanStepKind.RemoveRoute);
    }

    [Fact]
    public void Address_already_present_with_other_prefix_is_accepted()
    {
        var dhcp = new AddressSnapshot(3, new InterfaceAddress(IPAddress.Parse("192.168.2.10"), 24), AddressFlags.None, RouteScope.Universe);
        var kernel = Kernel([Link(2, "eth0", PrimaryMac), Link(3, "eth1", SecondaryMac(1))], [dhcp]);

        var plan = Plan(Snapshot(Secondary(1)), kernel);

        Assert.DoesNotContain(plan.Groups.SelectMany(g => g.Steps), s => s.Kind == PlanStepKind.AddAddress);
    }

    [Fact]
    public void Objects_created_by_the_distro_stack_from_our_files_count_as_present_but_are_never_removed()
    {
        var kernel = Kernel([Link(2, "eth0", PrimaryMac), Link(3, "eth1", SecondaryMac(1))]);
        var applied = KernelSimulator.Apply(kernel, Plan(Snapshot(Secondary(1)), kernel));
        const byte Static = 4;
        var byNetworkd = applied with
        {
            Routes = applied.Routes.Select(r => r with { Protocol = Static }).ToValueList(),
            Rules = applied.Rules.Select(r => r with { Protocol = Static }).ToValueList(),
        };

        Assert.True(Plan(Snapshot(Secondary(1)), byNetworkd).IsEmpty);
        Assert.DoesNotContain(Plan(Snapshot(), byNetworkd).Groups.SelectMany(g => g.Steps), s => s.Kind is PlanStepKind.RemoveRoute or PlanStepKind.RemoveRule);
    }

    [Fact]
    public void Our_copies_of_objects_the_distro_stack_also_holds_are_removed_and_its_copies_kept()
    {
        var kernel = Kernel([Link(2, "eth0", PrimaryMac), Link(3, "eth1", SecondaryMac(1))]);
        var live = KernelSimulator.Apply(kernel, Plan(Snapshot(Secondary(1)), kernel));
        const byte Static = 4;
        // NetworkManager activated our profile after the live pass: same rules and routes again, with its protocol.
        var twins = live with
        {
            Routes = [.. live.Routes, .. live.Routes.Select(r => r with { Protocol = Static })],
            Rules = [.. live.Rules, .. live.Rules.Select(r => r with { Protocol = Static })],
        };

        var plan = Plan(Snapshot(Secondary(1)), twins);

        var removed = plan.Groups.SelectMany(g => g.Steps).ToList();
        Assert.All(removed, s => Assert.True(s.Kind is PlanStepKind.RemoveRule or PlanStepKind.RemoveRoute, s.Describe()));
        Assert.Equal(live.Rules.Count + live.Routes.Count, removed.Count);
        Assert.All(removed.OfType<RemoveRuleStep>(), s => Assert.Equal(Ours, s.Rule.Protocol));
        Assert.All(removed.OfType<RemoveRouteStep>(), s => Assert.Equal(Ours, s.Route.Protocol));
        Assert.True(Plan(Snapshot(Secondary(1)), KernelSimulator.Apply(twins, plan)).IsEmpty);
    }

    private static Plan Plan(MetadataSnapshot snapshot, KernelSnapshot kernel, Dictionary<PhysicalAddress, IReadOnlySet<InterfaceAddress>>? owned = null)
    {
        var desired = DesiredStateBuilder.Build(snapshot, kernel.Links, Options, Slots);
        return Planner.Build(new PlannerInput(desired, kernel, Layout, owned ?? [], new HashSet<PhysicalAddress>(), new HashSet<int>()));
    }

    private static KernelSnapshot Kernel(LinkSnapshot[] links, AddressSnapshot[]? addresses = null, RouteSnapshot[]? routes = null, RuleSnapshot[]? rules = null) =>
        new(links, addresses ?? [], routes ?? [], rules ?? []);
}
