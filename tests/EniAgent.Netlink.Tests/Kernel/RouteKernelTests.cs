using System.Net;
using System.Net.Sockets;

namespace EniAgent.Netlink.Tests.Kernel;

public sealed class RouteKernelTests : NamespaceTest
{
    private const uint Table = 31000;
    private const NetlinkRouteProtocol Agent = (NetlinkRouteProtocol)201;

    [Fact]
    public async Task Adds_a_gateway_route_with_source_in_a_big_table_and_reads_it_back()
    {
        var route = await SetUpAsync("192.168.50.0/24", "10.20.0.1") with { PreferredSource = IPAddress.Parse("10.20.0.5"), Priority = 100 };

        await Connection.AddRouteAsync(route, Timeout);

        Assert.Equal(route, await TableRouteAsync());
        var shown = Assert.Single(Ns.IpJson("route", "show", "table", "31000").EnumerateArray());
        Assert.Equal("192.168.50.0/24", shown.GetProperty("dst").GetString());
        Assert.Equal("10.20.0.1", shown.GetProperty("gateway").GetString());
        Assert.Equal("10.20.0.5", shown.GetProperty("prefsrc").GetString());
        Assert.Equal("201", shown.GetProperty("protocol").GetString());
        Assert.Equal(100, shown.GetProperty("metric").GetInt32());
    }

    [Fact]
    public async Task An_off_subnet_gateway_needs_onlink_and_the_kernel_says_why()
    {
        var route = await SetUpAsync("0.0.0.0/0", "172.16.0.1");

        var refused = await Assert.ThrowsAsync<NetlinkException>(() => Connection.AddRouteAsync(route, Timeout));
        Assert.Equal(Errno.ENETUNREACH, refused.Errno);
        Assert.NotNull(refused.KernelMessage);
        Assert.Contains("add route 0.0.0.0/0 via 172.16.0.1", refused.Message, StringComparison.Ordinal);

        await Connection.AddRouteAsync(route with { Flags = NetlinkRouteFlags.OnLink }, Timeout);
        var got = await TableRouteAsync();
        Assert.True((got.Flags & NetlinkRouteFlags.OnLink) != 0);
        Assert.Contains("onlink", Assert.Single(Ns.IpJson("route", "show", "table", "31000").EnumerateArray()).GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Add_twice_is_eexist_replace_overwrites_and_delete_twice_is_esrch()
    {
        var route = await SetUpAsync("192.168.50.0/24", "10.20.0.1");
        await Connection.AddRouteAsync(route, Timeout);

        var exists = await Assert.ThrowsAsync<NetlinkException>(() => Connection.AddRouteAsync(route, Timeout));
        Assert.Equal(Errno.EEXIST, exists.Errno);
        Assert.StartsWith("add route 192.168.50.0/24 via 10.20.0.1", exists.Message, StringComparison.Ordinal);
        Assert.Contains("table 31000 proto 201: EEXIST", exists.Message, StringComparison.Ordinal);

        var replaced = route with { Gateway = IPAddress.Parse("10.20.0.2") };
        await Connection.ReplaceRouteAsync(replaced, Timeout);
        Assert.Equal(replaced.Gateway, (await TableRouteAsync()).Gateway);

        await Connection.DeleteRouteAsync(replaced, Timeout);
        Assert.DoesNotContain(await Connection.GetRoutesAsync(cancellationToken: Timeout), r => r.Table == Table);
        var missing = await Assert.ThrowsAsync<NetlinkException>(() => Connection.DeleteRouteAsync(replaced, Timeout));
        Assert.Equal(Errno.ESRCH, missing.Errno);
    }

    [Fact]
    public async Task Adds_an_ipv6_route_which_gets_the_default_metric()
    {
        var route = await SetUpAsync("2001:db8:99::/64", "2001:db8:20::1");

        await Connection.AddRouteAsync(route, Timeout);

        Assert.Equal(route with { Priority = 1024 }, await TableRouteAsync(AddressFamily.InterNetworkV6));
    }

    /// <summary>
    /// ve0 up with 10.20.0.5/24 and 2001:db8:20::5/64 (no DAD, so routes via it work at once); returns the route each
    /// test adds (not yet added): <paramref name="destination"/> via <paramref name="gateway"/> on ve0, in
    /// <see cref="Table"/>, with our protocol.
    /// </summary>
    private async Task<NetlinkRoute> SetUpAsync(string destination, string gateway)
    {
        var ve0 = await AddVethUpAsync();
        await Connection.ExecuteAsync(
        [
            NetlinkRequest.AddAddress(new NetlinkAddress { LinkIndex = ve0, Address = IPAddress.Parse("10.20.0.5"), PrefixLength = 24 }),
            NetlinkRequest.AddAddress(new NetlinkAddress { LinkIndex = ve0, Address = IPAddress.Parse("2001:db8:20::5"), PrefixLength = 64, Flags = NetlinkAddressFlags.NoDad }),
        ], Timeout);
        return new NetlinkRoute
        {
            Destination = IPNetwork.Parse(destination),
            Table = Table,
            Gateway = IPAddress.Parse(gateway),
            OutputLinkIndex = ve0,
            Protocol = Agent,
        };
    }

    /// <summary>The one route the kernel holds in <see cref="Table"/>.</summary>
    private async Task<NetlinkRoute> TableRouteAsync(AddressFamily family = AddressFamily.Unspecified) =>
        Assert.Single(await Connection.GetRoutesAsync(family, Timeout), r => r.Table == Table);
}
