using System.Net;
using System.Net.Sockets;
using EniAgent.TestKit.Netns;

namespace EniAgent.Netlink.Tests.Kernel;

public sealed class MonitorKernelTests : NamespaceTest
{
    [Fact]
    public async Task Reports_a_veth_moved_in_and_deleted()
    {
        using var other = NetworkNamespace.Create();
        other.AddVeth("mv0", "mv1");
        using var monitor = Ns.OpenMonitor(NetlinkGroups.Link);
        await using var events = monitor.ReadEventsAsync(Timeout).GetAsyncEnumerator();

        other.MoveLink("mv1", Ns);
        var added = await NextAsync<NetlinkLinkEvent>(events, e => e.Link.Name == "mv1");
        Assert.Equal(NetlinkEventKind.New, added.Kind);
        Assert.Equal("veth", added.Link.Kind);

        Ns.Ip("link", "del", "mv1");
        var deleted = await NextAsync<NetlinkLinkEvent>(events, e => e.Kind == NetlinkEventKind.Delete);
        Assert.Equal("mv1", deleted.Link.Name);
    }

    [Fact]
    public async Task Reports_new_addresses_routes_and_rules()
    {
        var ve0 = await AddVethUpAsync();
        using var monitor = Ns.OpenMonitor();
        await using var events = monitor.ReadEventsAsync(Timeout).GetAsyncEnumerator();

        var address = new NetlinkAddress { LinkIndex = ve0, Address = IPAddress.Parse("10.30.0.5"), PrefixLength = 24, Flags = NetlinkAddressFlags.NoPrefixRoute };
        await Connection.AddAddressAsync(address, Timeout);
        var newAddress = await NextAsync<NetlinkAddressEvent>(events, e => e.Address.Address.Equals(address.Address));
        Assert.Equal((NetlinkEventKind.New, ve0, 24), (newAddress.Kind, newAddress.Address.LinkIndex, newAddress.Address.PrefixLength));

        var address6 = address with { Address = IPAddress.Parse("2001:db8:30::5"), PrefixLength = 64, Flags = NetlinkAddressFlags.NoDad };
        await Connection.AddAddressAsync(address6, Timeout);
        await NextAsync<NetlinkAddressEvent>(events, e => e.Address.Address.Equals(address6.Address));

        var route = new NetlinkRoute { Destination = IPNetwork.Parse("192.168.60.0/24"), Table = 31000, OutputLinkIndex = ve0, Scope = NetlinkScope.Link, Protocol = (NetlinkRouteProtocol)201 };
        await Connection.AddRouteAsync(route, Timeout);
        var newRoute = await NextAsync<NetlinkRouteEvent>(events, e => e.Route.Table == 31000);
        Assert.Equal(route, newRoute.Route);

        var rule = new NetlinkRule { Family = AddressFamily.InterNetworkV6, Priority = 200, Source = IPNetwork.Parse("2001:db8:30::5/128"), Table = 31000, Protocol = (NetlinkRouteProtocol)201 };
        await Connection.AddRuleAsync(rule, Timeout);
        var newRule = await NextAsync<NetlinkRuleEvent>(events, e => e.Rule.Priority == 200);
        Assert.Equal((NetlinkEventKind.New, rule), (newRule.Kind, newRule.Rule));

        await Connection.DeleteRuleAsync(rule, Timeout);
        var deletedRule = await NextAsync<NetlinkRuleEvent>(events, e => e.Rule.Priority == 200);
        Assert.Equal(NetlinkEventKind.Delete, deletedRule.Kind);
    }

    [Fact]
    public async Task A_flood_beyond_the_receive_buffer_is_reported_as_an_overrun()
    {
        using var monitor = Ns.OpenMonitor(NetlinkGroups.Ipv4Rule, receiveBufferSize: 1); // the kernel rounds up to its minimum
        var rules = Enumerable.Range(0, 300).Select(i => NetlinkRequest.AddRule(new NetlinkRule
        {
            Family = AddressFamily.InterNetwork,
            Priority = (uint)(1000 + i),
            Table = 31000,
            Protocol = (NetlinkRouteProtocol)201,
        })).ToList();
        var results = await Connection.ExecuteAsync(rules, Timeout);
        Assert.All(results, r => Assert.True(r.Succeeded));

        await using var events = monitor.ReadEventsAsync(Timeout).GetAsyncEnumerator();
        var overrun = await NextAsync<NetlinkOverrunEvent>(events, _ => true);
        Assert.Equal(NetlinkEventKind.Overrun, overrun.Kind);

        // The backlog was discarded with the overrun, so the next change arrives as the next event.
        var marker = new NetlinkRule { Family = AddressFamily.InterNetwork, Priority = 5000, Table = 31000 };
        await Connection.AddRuleAsync(marker, Timeout);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(new NetlinkRuleEvent(NetlinkEventKind.New, marker), events.Current);
    }

    [Fact]
    public async Task Reading_stops_on_cancellation_and_can_start_again()
    {
        using var monitor = Ns.OpenMonitor(NetlinkGroups.Ipv4Rule);
        using var cancel = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in monitor.ReadEventsAsync(cancel.Token))
            {
            }
        });
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);

        await using var events = monitor.ReadEventsAsync(Timeout).GetAsyncEnumerator();
        var rule = new NetlinkRule { Family = AddressFamily.InterNetwork, Priority = 300, Table = 31000 };
        await Connection.AddRuleAsync(rule, Timeout);
        Assert.Equal(rule, (await NextAsync<NetlinkRuleEvent>(events, _ => true)).Rule);
    }

    private static async Task<T> NextAsync<T>(IAsyncEnumerator<NetlinkEvent> events, Func<T, bool> match)
        where T : NetlinkEvent
    {
        while (await events.MoveNextAsync())
        {
            if (events.Current is T wanted && match(wanted))
            {
                return wanted;
            }
        }

        throw new InvalidOperationException($"event stream ended before a matching {typeof(T).Name}");
    }
}
