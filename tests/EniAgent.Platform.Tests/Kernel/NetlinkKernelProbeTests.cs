using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using EniAgent.Core;
using EniAgent.Core.Kernel;
using EniAgent.Netlink;
using EniAgent.Platform.Kernel;
using EniAgent.TestKit.Netns;

namespace EniAgent.Platform.Tests.Kernel;

public sealed class NetlinkKernelProbeTests
{
    [Fact]
    public async Task Reads_links_addresses_routes_and_rules_of_a_namespace()
    {
        using var ns = NetworkNamespace.Create();
        ns.AddVeth("eni1", "peer1");
        ns.Ip("link", "set", "eni1", "mtu", "9000", "up");
        ns.Ip("link", "set", "peer1", "up");
        ns.Ip("address", "add", "10.40.0.5/24", "dev", "eni1", "noprefixroute");
        ns.Ip("address", "add", "2001:db8:40::5/64", "dev", "eni1", "nodad");
        ns.Ip("route", "add", "default", "via", "10.40.0.253", "dev", "eni1", "onlink", "table", "31000", "proto", "201");
        ns.Ip("rule", "add", "priority", "100", "from", "10.40.0.5", "table", "31000", "proto", "201");
        var mac = PhysicalAddress.Parse(ns.IpJson("link", "show", "eni1")[0].GetProperty("address").GetString()!.Replace(':', '-'));
        using var connection = ns.OpenConnection();

        var snapshot = await new NetlinkKernelProbe(connection).ReadAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);

        var link = snapshot.FindLink(mac);
        Assert.NotNull(link);
        Assert.Equal(("eni1", 9000, true, "veth"), (link.Name, link.Mtu, link.AdminUp, link.Kind));
        Assert.Equal(["eni1", "lo", "peer1"], snapshot.Links.Select(l => l.Name).Order(StringComparer.Ordinal));

        var addresses = snapshot.AddressesOf(link.Index).ToList();
        var v4 = Assert.Single(addresses, a => a.Address == new InterfaceAddress(IPAddress.Parse("10.40.0.5"), 24));
        Assert.Equal(AddressFlags.Permanent | AddressFlags.NoPrefixRoute, v4.Flags);
        Assert.Contains(addresses, a => a.Address == new InterfaceAddress(IPAddress.Parse("2001:db8:40::5"), 64) && a.Flags.HasFlag(AddressFlags.NoDad));

        Assert.Contains(
            new RouteSnapshot(AddressFamily.InterNetwork, 31000, IPNetwork.Parse("0.0.0.0/0"), IPAddress.Parse("10.40.0.253"), link.Index, null, 201, RouteScope.Universe, RouteType.Unicast, null),
            snapshot.Routes);
        Assert.Contains(snapshot.Routes, r => r.Destination == IPNetwork.Parse("2001:db8:40::/64") && r.Table == NetlinkRouteTable.Main);
        Assert.DoesNotContain(snapshot.Routes, r => r.Table == NetlinkRouteTable.Local);
        Assert.DoesNotContain(snapshot.Routes, r => r.Destination.BaseAddress.IsIPv6Multicast || r.Type is RouteType.Multicast or RouteType.Anycast);

        Assert.Contains(
            new RuleSnapshot(AddressFamily.InterNetwork, 100, IPNetwork.Parse("10.40.0.5/32"), null, 31000, 201, null, RuleAction.ToTable, null, null),
            snapshot.Rules);
        Assert.Contains(snapshot.Rules, r => r is { Family: AddressFamily.InterNetworkV6, Priority: 32766, Table: 254 });
    }
}
