namespace EniAgent.Netlink.Tests.Kernel;

/// <summary>Whether a link can carry IPv6, as a link dump reports it from the real kernel, against the sysctls that switch it.</summary>
public sealed class Ipv6StateKernelTests : NamespaceTest
{
    [Fact]
    public async Task Disable_ipv6_per_link_and_for_all_and_an_mtu_below_1280_are_reported()
    {
        await AddVethUpAsync();
        Assert.Equal(NetlinkLinkIpv6.Enabled, await StateAsync("ve0"));

        Ns.Exec("sysctl", "-q", "-w", "net.ipv6.conf.ve0.disable_ipv6=1");
        Assert.Equal(NetlinkLinkIpv6.Disabled, await StateAsync("ve0"));
        Assert.Equal(NetlinkLinkIpv6.Enabled, await StateAsync("ve1"));

        Ns.Exec("sysctl", "-q", "-w", "net.ipv6.conf.ve0.disable_ipv6=0", "net.ipv6.conf.all.disable_ipv6=1");
        Assert.Equal(NetlinkLinkIpv6.Disabled, await StateAsync("ve0")); // writing conf.all sets every link
        Assert.Equal(NetlinkLinkIpv6.Disabled, await StateAsync("ve1"));

        Ns.Exec("sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=0");
        Ns.Ip("link", "set", "ve0", "mtu", "1279");
        Assert.Equal(NetlinkLinkIpv6.Absent, await StateAsync("ve0")); // the kernel detaches IPv6 from the link
        Assert.Equal(NetlinkLinkIpv6.Enabled, await StateAsync("ve1"));
    }

    private async Task<NetlinkLinkIpv6> StateAsync(string name) =>
        (await Connection.GetLinksAsync(Timeout)).Single(l => l.Name == name).Ipv6;
}
