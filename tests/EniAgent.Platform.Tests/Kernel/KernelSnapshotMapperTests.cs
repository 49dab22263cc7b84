using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using EniAgent.Core;
using EniAgent.Core.Kernel;
using EniAgent.Netlink;
using EniAgent.Platform.Kernel;

namespace EniAgent.Platform.Tests.Kernel;

public sealed class KernelSnapshotMapperTests
{
    private static readonly NetlinkRoute Unicast = new()
    {
        Destination = IPNetwork.Parse("10.0.0.0/24"),
        Table = 31000,
        Gateway = IPAddress.Parse("10.0.0.1"),
        OutputLinkIndex = 3,
        PreferredSource = IPAddress.Parse("10.0.0.5"),
        Protocol = (NetlinkRouteProtocol)201,
        Priority = 100,
    };

    [Fact]
    public void Maps_every_route_field()
    {
        Assert.Equal(
            new RouteSnapshot(AddressFamily.InterNetwork, 31000, IPNetwork.Parse("10.0.0.0/24"), IPAddress.Parse("10.0.0.1"), 3, IPAddress.Parse("10.0.0.5"), 201, RouteScope.Universe, RouteType.Unicast, 100),
            KernelSnapshotMapper.ToRoute(Unicast));
    }

    [Fact]
    public void Leaves_out_local_table_ipv6_multicast_anycast_and_clones_but_keeps_other_tables()
    {
        NetlinkRoute[] routes =
        [
            Unicast,
            Unicast with { Table = NetlinkRouteTable.Local, Type = NetlinkRouteType.Local },
            Unicast with { Table = NetlinkRouteTable.Main, Type = NetlinkRouteType.Blackhole },
            new() { Destination = IPNetwork.Parse("ff00::/8"), Table = NetlinkRouteTable.Main, Type = NetlinkRouteType.Multicast },
            new() { Destination = IPNetwork.Parse("2001:db8::/128"), Table = NetlinkRouteTable.Main, Type = NetlinkRouteType.Anycast },
            new() { Destination = IPNetwork.Parse("2001:db8::1/128"), Table = 31000, Flags = NetlinkRouteFlags.Cloned },
            new() { Destination = IPNetwork.Parse("2001:db8::/64"), Table = NetlinkRouteTable.Main, OutputLinkIndex = 3 },
        ];

        var snapshot = KernelSnapshotMapper.ToSnapshot([], [], routes, []);

        Assert.Equal(
            [(31000u, "10.0.0.0/24"), (254u, "10.0.0.0/24"), (254u, "2001:db8::/64")],
            snapshot.Routes.Select(r => (r.Table, r.Destination.ToString())));
    }

    [Fact]
    public void Maps_links_with_oper_state_and_addresses_with_known_flags_only()
    {
        var mac = PhysicalAddress.Parse("00-16-3E-AA-BB-CC");
        NetlinkLink[] links =
        [
            new(2, "eth1", mac, 1500, NetlinkLinkFlags.Up | NetlinkLinkFlags.Running, NetlinkOperState.Up, null, []),
            new(1, "lo", PhysicalAddress.None, 65536, NetlinkLinkFlags.Up | NetlinkLinkFlags.Running | NetlinkLinkFlags.Loopback, NetlinkOperState.Unknown, null, []),
            new(3, "veth0", PhysicalAddress.None, 1500, NetlinkLinkFlags.Up, NetlinkOperState.LowerLayerDown, "veth", []),
        ];
        NetlinkAddress[] addresses =
        [
            new() { LinkIndex = 2, Address = IPAddress.Parse("fe80::1"), PrefixLength = 64, Scope = NetlinkScope.Link, Flags = NetlinkAddressFlags.Permanent | NetlinkAddressFlags.StablePrivacy | NetlinkAddressFlags.NoPrefixRoute },
        ];

        var snapshot = KernelSnapshotMapper.ToSnapshot(links, addresses, [], []);

        Assert.Equal(new LinkSnapshot(2, "eth1", mac, 1500, AdminUp: true, OperUp: true, null), snapshot.FindLink(mac));
        Assert.Equal([true, true, false], snapshot.Links.Select(l => l.OperUp));
        Assert.Equal(
            new AddressSnapshot(2, new InterfaceAddress(IPAddress.Parse("fe80::1"), 64), AddressFlags.Permanent | AddressFlags.NoPrefixRoute, RouteScope.Link),
            Assert.Single(snapshot.AddressesOf(2)));
    }

    [Fact]
    public void Maps_every_rule_field()
    {
        var rule = new NetlinkRule
        {
            Family = AddressFamily.InterNetworkV6,
            Priority = 100,
            Source = IPNetwork.Parse("2001:db8::5/128"),
            Destination = IPNetwork.Parse("2001:db8:1::/48"),
            Table = 31000,
            Protocol = (NetlinkRouteProtocol)201,
            SuppressPrefixLength = 0,
            Action = NetlinkRuleAction.ToTable,
            InputInterface = "eth1",
            FirewallMark = 7,
        };

        Assert.Equal(
            new RuleSnapshot(AddressFamily.InterNetworkV6, 100, IPNetwork.Parse("2001:db8::5/128"), IPNetwork.Parse("2001:db8:1::/48"), 31000, 201, 0, RuleAction.ToTable, "eth1", 7),
            KernelSnapshotMapper.ToRule(rule));
    }
}
