using System.Net;

namespace EniAgent.Netlink.Tests.Kernel;

public sealed class AddressKernelTests : NamespaceTest
{
    [Fact]
    public async Task Adds_ipv4_and_ipv6_without_prefix_routes_and_deletes_them()
    {
        var ve0 = await AddVethUpAsync();
        var v4 = Address(ve0, "10.10.0.5", 24, NetlinkAddressFlags.NoPrefixRoute);
        var v6 = Address(ve0, "2001:db8:10::5", 64, NetlinkAddressFlags.NoPrefixRoute | NetlinkAddressFlags.NoDad);
        var control = Address(ve0, "10.11.0.5", 24, NetlinkAddressFlags.None); // proves the route check can fail

        await Connection.AddAddressAsync(v4, Timeout);
        await Connection.AddAddressAsync(v6, Timeout);
        await Connection.AddAddressAsync(control, Timeout);

        var addresses = await Connection.GetAddressesAsync(cancellationToken: Timeout);
        var got4 = Assert.Single(addresses, a => a.Address.Equals(v4.Address));
        Assert.Equal((24, ve0, "ve0"), (got4.PrefixLength, got4.LinkIndex, got4.Label));
        Assert.True((got4.Flags & NetlinkAddressFlags.NoPrefixRoute) != 0);
        var got6 = Assert.Single(addresses, a => a.Address.Equals(v6.Address));
        Assert.True((got6.Flags & (NetlinkAddressFlags.NoPrefixRoute | NetlinkAddressFlags.NoDad)) == (NetlinkAddressFlags.NoPrefixRoute | NetlinkAddressFlags.NoDad));
        Assert.True((got6.Flags & NetlinkAddressFlags.Tentative) == 0);

        var destinations = (await Connection.GetRoutesAsync(cancellationToken: Timeout)).Select(r => r.Destination).ToList();
        Assert.DoesNotContain(IPNetwork.Parse("10.10.0.0/24"), destinations);
        Assert.DoesNotContain(IPNetwork.Parse("2001:db8:10::/64"), destinations);
        Assert.Contains(IPNetwork.Parse("10.11.0.0/24"), destinations);

        await Connection.DeleteAddressAsync(v4, Timeout);
        await Connection.DeleteAddressAsync(v6, Timeout);
        addresses = await Connection.GetAddressesAsync(cancellationToken: Timeout);
        Assert.DoesNotContain(addresses, a => a.Address.Equals(v4.Address) || a.Address.Equals(v6.Address));
    }

    [Fact]
    public async Task Adding_twice_is_eexist_and_deleting_a_missing_address_is_eaddrnotavail()
    {
        var ve0 = await AddVethUpAsync();
        var address = Address(ve0, "10.10.0.5", 24, NetlinkAddressFlags.None);
        await Connection.AddAddressAsync(address, Timeout);

        var exists = await Assert.ThrowsAsync<NetlinkException>(() => Connection.AddAddressAsync(address, Timeout));
        Assert.Equal(Errno.EEXIST, exists.Errno);
        Assert.StartsWith($"add address 10.10.0.5/24 dev #{ve0}: EEXIST", exists.Message, StringComparison.Ordinal);

        await Connection.DeleteAddressAsync(address, Timeout);
        var missing = await Assert.ThrowsAsync<NetlinkException>(() => Connection.DeleteAddressAsync(address, Timeout));
        Assert.Equal(Errno.EADDRNOTAVAIL, missing.Errno);
    }

    [Fact]
    public async Task Dumps_one_family_at_a_time()
    {
        var ve0 = await AddVethUpAsync();
        await Connection.AddAddressAsync(Address(ve0, "10.10.0.5", 24, NetlinkAddressFlags.None), Timeout);
        await Connection.AddAddressAsync(Address(ve0, "2001:db8:10::5", 64, NetlinkAddressFlags.NoDad), Timeout);

        var v4 = await Connection.GetAddressesAsync(System.Net.Sockets.AddressFamily.InterNetwork, Timeout);
        var v6 = await Connection.GetAddressesAsync(System.Net.Sockets.AddressFamily.InterNetworkV6, Timeout);

        Assert.All(v4, a => Assert.Equal(System.Net.Sockets.AddressFamily.InterNetwork, a.Family));
        Assert.All(v6, a => Assert.Equal(System.Net.Sockets.AddressFamily.InterNetworkV6, a.Family));
        Assert.Contains(v4, a => a.Address.Equals(IPAddress.Parse("10.10.0.5")));
        Assert.Contains(v6, a => a.Address.Equals(IPAddress.Parse("2001:db8:10::5")));
    }

    private static NetlinkAddress Address(int index, string address, int prefix, NetlinkAddressFlags flags) => new()
    {
        LinkIndex = index,
        Address = IPAddress.Parse(address),
        PrefixLength = prefix,
        Flags = flags,
    };
}
