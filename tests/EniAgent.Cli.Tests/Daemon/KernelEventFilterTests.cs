using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using EniAgent.Cli.Daemon;
using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;
using EniAgent.Core.Planning;
using EniAgent.Netlink;
using EniAgent.Platform.Kernel;
using Microsoft.Extensions.Time.Testing;

namespace EniAgent.Cli.Tests.Daemon;

/// <summary>Which netlink events matter, and how the agent recognises the echoes of its own changes.</summary>
public sealed class KernelEventFilterTests
{
    private static readonly PhysicalAddress EniMac = PhysicalAddress.Parse("00-16-3E-00-00-02");

    private readonly KernelEventFilter _filter = new(new RoutingOptions());

    [Fact]
    public void A_new_link_appears_and_a_rename_or_MAC_change_counts_as_new()
    {
        Assert.Equal(KernelNoticeKind.LinkAppeared, _filter.Classify(Link(7, "eth1", EniMac, NetlinkLinkFlags.None))?.Kind);
        Assert.Null(_filter.Classify(Link(7, "eth1", EniMac, NetlinkLinkFlags.None)));

        var renamed = _filter.Classify(Link(7, "ens6", EniMac, NetlinkLinkFlags.None));
        Assert.Equal((KernelNoticeKind.LinkAppeared, "ens6"), (renamed?.Kind, renamed?.Link?.Name));
        Assert.Equal(KernelNoticeKind.LinkGone, _filter.Classify(Link(7, "ens6", EniMac, NetlinkLinkFlags.None, NetlinkEventKind.Delete))?.Kind);
    }

    [Fact]
    public void Up_and_down_count_but_carrier_flaps_do_not()
    {
        _ = _filter.Reseed([Link(7, "eth1", EniMac, NetlinkLinkFlags.None).Link]);

        Assert.Equal("link+ 7", _filter.Classify(Link(7, "eth1", EniMac, NetlinkLinkFlags.Up))?.Key);
        Assert.Null(_filter.Classify(Link(7, "eth1", EniMac, NetlinkLinkFlags.Up | NetlinkLinkFlags.Running | NetlinkLinkFlags.LowerUp)));
        Assert.Equal("link- 7", _filter.Classify(Link(7, "eth1", EniMac, NetlinkLinkFlags.None))?.Key);
    }

    [Fact]
    public void Reseeding_after_an_overrun_reports_links_that_came_and_went_meanwhile()
    {
        _ = _filter.Reseed([Link(7, "eth1", EniMac, NetlinkLinkFlags.Up).Link]);

        var notices = _filter.Reseed([Link(8, "eth2", PhysicalAddress.Parse("00-16-3E-00-00-03"), NetlinkLinkFlags.None).Link]);

        Assert.Equal([(KernelNoticeKind.LinkGone, "eth1"), (KernelNoticeKind.LinkAppeared, "eth2")], notices.Select(n => (n.Kind, n.Link!.Name)));
    }

    [Fact]
    public void Ipv6_turned_on_or_off_on_an_ENI_link_counts_once_per_change()
    {
        _ = _filter.Reseed([WithIpv6(Link(7, "eth1", EniMac, NetlinkLinkFlags.Up), NetlinkLinkIpv6.Disabled).Link]);

        Assert.Equal("link6+ 7", _filter.Classify(new NetlinkLinkIpv6Event(7, NetlinkLinkIpv6.Enabled))?.Key);
        Assert.Null(_filter.Classify(new NetlinkLinkIpv6Event(7, NetlinkLinkIpv6.Enabled))); // sent again on a router advertisement
        Assert.Null(_filter.Classify(Link(7, "eth1", EniMac, NetlinkLinkFlags.Up))); // no AF_SPEC: keeps what was known
        Assert.Equal("link6- 7", _filter.Classify(WithIpv6(Link(7, "eth1", EniMac, NetlinkLinkFlags.Up), NetlinkLinkIpv6.Disabled))?.Key);
        Assert.Equal("link6+ 7", _filter.Classify(new NetlinkLinkIpv6Event(7, NetlinkLinkIpv6.Enabled))?.Key);
    }

    [Fact]
    public void Ipv6_changes_of_containers_links_and_unknown_links_do_not_count()
    {
        var veth = PhysicalAddress.Parse("02-42-AC-11-00-02");
        _ = _filter.Reseed([WithIpv6(Link(9, "veth1", veth, NetlinkLinkFlags.Up), NetlinkLinkIpv6.Disabled).Link]);

        Assert.Null(_filter.Classify(new NetlinkLinkIpv6Event(9, NetlinkLinkIpv6.Enabled)));
        Assert.Null(_filter.Classify(new NetlinkLinkIpv6Event(42, NetlinkLinkIpv6.Enabled)));
        Assert.Null(_filter.Classify(new NetlinkLinkIpv6Event(9, NetlinkLinkIpv6.NotReported)));
    }

    [Fact]
    public void Noise_is_dropped()
    {
        Assert.Null(_filter.Classify(Address(NetlinkEventKind.New, 7, "fe80::216:3eff:fe00:2", 64)));
        Assert.Null(_filter.Classify(Address(NetlinkEventKind.New, 1, "127.0.0.1", 8)));
        Assert.Null(_filter.Classify(Route(NetlinkRouteTable.Main, "172.17.0.0/16", NetlinkRouteProtocol.Kernel)));
        Assert.Null(_filter.Classify(Route(NetlinkRouteTable.Local, "192.168.2.10/32", NetlinkRouteProtocol.Kernel)));
        Assert.Null(_filter.Classify(Rule(100, "10.0.0.0/8", 100, NetlinkRouteProtocol.Boot)));
    }

    [Fact]
    public void Addresses_and_the_layouts_routes_and_rules_count()
    {
        Assert.Equal("addr- 7 192.168.2.11/24", _filter.Classify(Address(NetlinkEventKind.Delete, 7, "192.168.2.11", 24))?.Key);
        Assert.Equal("route- 31000 0.0.0.0/0", _filter.Classify(Route(31000, "0.0.0.0/0", (NetlinkRouteProtocol)201, NetlinkEventKind.Delete))?.Key);
        Assert.Equal("route+ 31003 10.9.0.0/16", _filter.Classify(Route(31003, "10.9.0.0/16", NetlinkRouteProtocol.Boot))?.Key);
        Assert.Equal("rule- 4 31251 192.168.2.10/32 31000", _filter.Classify(Rule(31251, "192.168.2.10/32", 31000, (NetlinkRouteProtocol)201, NetlinkEventKind.Delete))?.Key);
        Assert.Equal("rule+ 4 31100 10.0.0.0/8 7", _filter.Classify(Rule(31100, "10.0.0.0/8", 7, NetlinkRouteProtocol.Boot))?.Key);
    }

    [Fact]
    public void The_echo_of_each_applied_step_is_recognised_once()
    {
        var time = new FakeTimeProvider();
        var own = new OwnChanges(time);
        var address = new AddAddressStep(7, "eth1", new AddressSpec(new InterfaceAddress(IPAddress.Parse("192.168.2.10"), 24), AddressFlags.NoPrefixRoute));
        var route = new AddRouteStep(7, "eth1", new RouteSpec(31000, IPNetwork.Parse("0.0.0.0/0"), IPAddress.Parse("192.168.2.253"), RouteScope.Universe, null), 201);
        var rule = new AddRuleStep(new RuleSpec(AddressFamily.InterNetwork, 31000, IPNetwork.Parse("192.168.2.10/32"), 31000, 0), 201);
        var up = new SetLinkUpStep(7, "eth1");
        var group = new PlanGroup(PlanGroupKind.Eni, "eni-1", "eni-1", EniMac, [up, address, route, rule]);
        own.Record([new GroupResult(group, [up, address, route, rule], null, null)]);

        _ = _filter.Reseed([Link(7, "eth1", EniMac, NetlinkLinkFlags.None).Link]);
        NetlinkEvent[] echoes =
        [
            Link(7, "eth1", EniMac, NetlinkLinkFlags.Up),
            Address(NetlinkEventKind.New, 7, "192.168.2.10", 24),
            Route(31000, "0.0.0.0/0", (NetlinkRouteProtocol)201),
            Rule(31000, "192.168.2.10/32", 31000, (NetlinkRouteProtocol)201),
        ];
        Assert.All(echoes, e => Assert.True(own.TryConsume(_filter.Classify(e)!.Key), e.ToString()));

        // The same change again is somebody else's (e.g. the rule deleted by hand and re-added by a script).
        Assert.False(own.TryConsume(_filter.Classify(Rule(31000, "192.168.2.10/32", 31000, (NetlinkRouteProtocol)201))!.Key));
        Assert.False(own.TryConsume(_filter.Classify(Rule(31000, "192.168.2.10/32", 31000, (NetlinkRouteProtocol)201, NetlinkEventKind.Delete))!.Key));
    }

    [Fact]
    public void An_echo_that_never_comes_is_forgotten()
    {
        var time = new FakeTimeProvider();
        var own = new OwnChanges(time);
        var step = new RemoveAddressStep(7, "eth1", new InterfaceAddress(IPAddress.Parse("192.168.2.11"), 24));
        own.Record([new GroupResult(new PlanGroup(PlanGroupKind.Eni, "eni-1", "eni-1", EniMac, [step]), [step], null, null)]);

        time.Advance(OwnChanges.Lifetime + TimeSpan.FromSeconds(1));

        Assert.False(own.TryConsume("addr- 7 192.168.2.11/24"));
    }

    [Theory]
    [InlineData("00-16-3E-00-00-02", true)]
    [InlineData("02-42-AC-11-00-02", false)]
    [InlineData("CA-FE-00-00-00-01", false)]
    [InlineData("01-00-5E-00-00-01", false)]
    [InlineData("00-00-00-00-00-00", false)]
    public void Only_globally_administered_unicast_MACs_may_be_ENIs(string mac, bool mayBeEni) =>
        Assert.Equal(mayBeEni, new LinkView(3, "x", PhysicalAddress.Parse(mac), true).MayBeEni);

    private static NetlinkLinkEvent Link(int index, string name, PhysicalAddress mac, NetlinkLinkFlags flags, NetlinkEventKind kind = NetlinkEventKind.New) =>
        new(kind, new NetlinkLink(index, name, mac, 1500, flags, NetlinkOperState.Unknown, "veth", []));

    private static NetlinkLinkEvent WithIpv6(NetlinkLinkEvent e, NetlinkLinkIpv6 ipv6) => e with { Link = e.Link with { Ipv6 = ipv6 } };

    private static NetlinkAddressEvent Address(NetlinkEventKind kind, int link, string ip, int prefix) =>
        new(kind, new NetlinkAddress { LinkIndex = link, Address = IPAddress.Parse(ip), PrefixLength = prefix });

    private static NetlinkRouteEvent Route(uint table, string destination, NetlinkRouteProtocol protocol, NetlinkEventKind kind = NetlinkEventKind.New) =>
        new(kind, new NetlinkRoute { Destination = IPNetwork.Parse(destination), Table = table, Protocol = protocol });

    private static NetlinkRuleEvent Rule(uint priority, string from, uint table, NetlinkRouteProtocol protocol, NetlinkEventKind kind = NetlinkEventKind.New) =>
        new(kind, new NetlinkRule { Family = AddressFamily.InterNetwork, Priority = priority, Source = IPNetwork.Parse(from), Table = table, Protocol = protocol });
}
