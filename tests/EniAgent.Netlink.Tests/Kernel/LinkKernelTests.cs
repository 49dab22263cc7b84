using System.Net.NetworkInformation;

namespace EniAgent.Netlink.Tests.Kernel;

public sealed class LinkKernelTests : NamespaceTest
{
    [Fact]
    public async Task Dumps_only_the_namespace_links_and_finds_a_veth_by_mac()
    {
        Ns.AddVeth("ve0", "ve1");
        var mac = PhysicalAddress.Parse(Ns.IpJson("link", "show", "ve1")[0].GetProperty("address").GetString()!.Replace(':', '-'));

        var links = await Connection.GetLinksAsync(Timeout);

        Assert.Equal(["lo", "ve0", "ve1"], links.Select(l => l.Name).Order());
        var ve1 = Assert.Single(links, l => l.Address.Equals(mac));
        Assert.Equal("ve1", ve1.Name);
        Assert.Equal("veth", ve1.Kind);
        Assert.Equal(1500, ve1.Mtu);
        Assert.False(ve1.IsUp);
        Assert.Equal(NetlinkOperState.Down, ve1.OperState);
        var lo = Assert.Single(links, l => l.Name == "lo");
        Assert.Equal(1, lo.Index);
        Assert.True((lo.Flags & NetlinkLinkFlags.Loopback) != 0);
    }

    [Fact]
    public async Task Sets_admin_state_and_mtu_by_index()
    {
        Ns.AddVeth("ve0", "ve1");
        var ve0 = await IndexOfAsync("ve0");
        var ve1 = await IndexOfAsync("ve1");

        await Connection.SetLinkUpAsync(ve0, true, Timeout);
        await Connection.SetLinkUpAsync(ve1, true, Timeout);
        await Connection.SetLinkMtuAsync(ve0, 9000, Timeout);

        var link = (await Connection.GetLinksAsync(Timeout)).Single(l => l.Index == ve0);
        Assert.True(link.IsUp);
        Assert.Equal(9000, link.Mtu);
        var shown = Ns.IpJson("link", "show", "ve0")[0];
        Assert.Equal(9000, shown.GetProperty("mtu").GetInt32());
        Assert.Contains("UP", shown.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        await Connection.SetLinkUpAsync(ve0, false, Timeout);
        link = (await Connection.GetLinksAsync(Timeout)).Single(l => l.Index == ve0);
        Assert.False(link.IsUp);
        Assert.Equal(9000, link.Mtu);
    }

    [Fact]
    public async Task An_unknown_index_is_enodev_naming_the_operation()
    {
        var error = await Assert.ThrowsAsync<NetlinkException>(() => Connection.SetLinkUpAsync(9999, true, Timeout));
        Assert.Equal(Errno.ENODEV, error.Errno);
        Assert.StartsWith("set link #9999 up: ENODEV", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_operations_on_one_connection_are_serialized()
    {
        Ns.AddVeth("ve0", "ve1");
        var dumps = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Connection.GetLinksAsync(Timeout)));
        Assert.All(dumps, links => Assert.Equal(3, links.Count));
    }
}
