using System.Net;
using System.Net.NetworkInformation;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;
using EniAgent.Core.Metadata;
using EniAgent.Core.Planning;
using static EniAgent.Core.Tests.Desired.Fixtures;

namespace EniAgent.Core.Tests.Planning;

/// <summary>arp_ignore / arp_announce / promote_secondaries on secondary ENI links (same-subnet ENIs, ARP flux).</summary>
public sealed class LinkSettingsPlannerTests
{
    private static readonly AgentOptions Options = new();
    private static readonly Dictionary<string, int> Slots = new() { ["eni-second00000000001"] = 0, ["eni-second00000000002"] = 1 };
    private static readonly Ipv4DevConf KernelDefaults = new(ArpIgnore: 0, ArpAnnounce: 0, PromoteSecondaries: 0);
    private static readonly Ipv4DevConf Wanted = new(ArpIgnore: 1, ArpAnnounce: 2, PromoteSecondaries: 1);

    [Fact]
    public void Secondary_with_kernel_defaults_gets_one_step_before_anything_else()
    {
        var kernel = Kernel(Link(2, "eth0", PrimaryMac) with { Ipv4 = KernelDefaults }, Link(3, "eth1", SecondaryMac(1)) with { Ipv4 = KernelDefaults });

        var eni = EniGroup(Plan(Snapshot(Secondary(1)), kernel), "eth1");

        var step = Assert.IsType<SetLinkDevConfStep>(eni.Steps[0]);
        Assert.Equal("~ link eth1 arp_ignore 1 arp_announce 2 promote_secondaries 1", step.Describe());
        Assert.Equal(3, step.LinkIndex);
        Assert.Single(eni.Steps, s => s.Kind == PlanStepKind.SetLinkDevConf);
    }

    [Fact]
    public void Settings_already_in_place_give_no_step()
    {
        var kernel = Kernel(Link(2, "eth0", PrimaryMac), Link(3, "eth1", SecondaryMac(1)) with { Ipv4 = Wanted });

        var plan = Plan(Snapshot(Secondary(1)), kernel);

        Assert.DoesNotContain(plan.Groups.SelectMany(g => g.Steps), s => s.Kind == PlanStepKind.SetLinkDevConf);
    }

    [Fact]
    public void Only_the_settings_that_differ_are_changed()
    {
        var kernel = Kernel(Link(2, "eth0", PrimaryMac), Link(3, "eth1", SecondaryMac(1)) with { Ipv4 = Wanted with { ArpAnnounce = 0 } });

        var step = Assert.IsType<SetLinkDevConfStep>(EniGroup(Plan(Snapshot(Secondary(1)), kernel), "eth1").Steps[0]);

        Assert.Equal(new LinkSettings(ArpAnnounce: 2), step.Settings);
        Assert.Equal("~ link eth1 arp_announce 2", step.Describe());
    }

    [Fact]
    public void Unknown_settings_are_all_set()
    {
        var kernel = Kernel(Link(2, "eth0", PrimaryMac), Link(3, "eth1", SecondaryMac(1)));

        var step = Assert.IsType<SetLinkDevConfStep>(EniGroup(Plan(Snapshot(Secondary(1)), kernel), "eth1").Steps[0]);

        Assert.Equal(LinkSettings.SecondaryEni, step.Settings);
    }

    [Fact]
    public void Applying_then_planning_again_is_empty_for_two_enis_in_one_subnet()
    {
        var kernel = Kernel(Link(2, "eth0", PrimaryMac) with { Ipv4 = KernelDefaults }, Link(3, "eth1", SecondaryMac(1)) with { Ipv4 = KernelDefaults }, Link(4, "eth2", SecondaryMac(2)) with { Ipv4 = KernelDefaults });
        var snapshot = Snapshot(Secondary(1, extraIps: 2), Secondary(2, extraIps: 1));

        var first = Plan(snapshot, kernel);
        var second = Plan(snapshot, KernelSimulator.Apply(kernel, first));

        Assert.Equal(["eth1", "eth2"], first.Groups.SelectMany(g => g.Steps).OfType<SetLinkDevConfStep>().Select(s => s.LinkName));
        Assert.True(second.IsEmpty, string.Join("\n", second.Groups.SelectMany(g => g.Steps)));
    }

    [Fact]
    public void The_primary_never_gets_one_even_when_its_secondary_ips_are_managed()
    {
        var options = Options with { ManagePrimarySecondaryIps = true };
        var kernel = Kernel(Link(2, "eth0", PrimaryMac) with { Ipv4 = KernelDefaults }, Link(3, "eth1", SecondaryMac(1)) with { Ipv4 = KernelDefaults });

        var desired = DesiredStateBuilder.Build(Snapshot(Secondary(1)), kernel.Links, options, Slots);
        var plan = Build(desired, kernel, options);

        Assert.Equal(LinkSettings.None, desired.Enis.Single(e => e.Role == EniRole.Primary).LinkSettings);
        Assert.Contains(EniGroup(plan, "eth0").Steps, s => s.Kind == PlanStepKind.AddAddress);
        Assert.DoesNotContain(EniGroup(plan, "eth0").Steps, s => s.Kind == PlanStepKind.SetLinkDevConf);
        Assert.Equal([3], plan.Groups.SelectMany(g => g.Steps).OfType<SetLinkDevConfStep>().Select(s => s.LinkIndex));
    }

    [Fact]
    public void An_excluded_secondary_is_left_alone()
    {
        var options = Options with { Exclude = ["eth1"] };
        var kernel = Kernel(Link(2, "eth0", PrimaryMac), Link(3, "eth1", SecondaryMac(1)) with { Ipv4 = KernelDefaults });

        var plan = Build(DesiredStateBuilder.Build(Snapshot(Secondary(1)), kernel.Links, options, Slots), kernel, options);

        Assert.DoesNotContain(plan.Groups.SelectMany(g => g.Steps), s => s.Kind == PlanStepKind.SetLinkDevConf);
    }

    [Fact]
    public void Promote_secondaries_is_set_before_an_address_is_removed()
    {
        // 192.168.2.10 was added first, so the kernel holds 192.168.2.11 as its secondary: removing .10
        // without promote_secondaries would take .11 with it.
        var present = new[] { "192.168.2.10", "192.168.2.11" }
            .Select(ip => new AddressSnapshot(3, new InterfaceAddress(IPAddress.Parse(ip), 24), AddressFlags.Permanent | AddressFlags.NoPrefixRoute, RouteScope.Universe));
        var kernel = new KernelSnapshot([Link(2, "eth0", PrimaryMac), Link(3, "eth1", SecondaryMac(1)) with { Ipv4 = KernelDefaults }], present.ToValueList(), [], []);
        var owned = new Dictionary<PhysicalAddress, IReadOnlySet<InterfaceAddress>> { [SecondaryMac(1)] = new HashSet<InterfaceAddress> { new(IPAddress.Parse("192.168.2.10"), 24) } };
        var eni = Secondary(1) with { PrimaryIp = IPAddress.Parse("192.168.2.11"), PrivateIpv4s = [IPAddress.Parse("192.168.2.11")] };

        var steps = EniGroup(Build(DesiredStateBuilder.Build(Snapshot(eni), kernel.Links, Options, Slots), kernel, Options, owned), "eth1").Steps;

        var removal = steps.ToList().FindIndex(s => s.Kind == PlanStepKind.RemoveAddress);
        Assert.True(removal > 0, string.Join("\n", steps));
        Assert.Equal(0, steps.ToList().FindIndex(s => s.Kind == PlanStepKind.SetLinkDevConf));
    }

    private static Plan Plan(MetadataSnapshot snapshot, KernelSnapshot kernel) =>
        Build(DesiredStateBuilder.Build(snapshot, kernel.Links, Options, Slots), kernel, Options);

    private static Plan Build(DesiredState desired, KernelSnapshot kernel, AgentOptions options, Dictionary<PhysicalAddress, IReadOnlySet<InterfaceAddress>>? owned = null) =>
        Planner.Build(new PlannerInput(desired, kernel, new RoutingLayout(options.Routing), owned ?? [], new HashSet<PhysicalAddress>(), new HashSet<int>()));

    private static PlanGroup EniGroup(Plan plan, string link) =>
        plan.Groups.Single(g => g.Kind == PlanGroupKind.Eni && g.Subject.EndsWith($"({link})", StringComparison.Ordinal));

    private static KernelSnapshot Kernel(params LinkSnapshot[] links) => new(links, [], [], []);
}
