using System.Net.NetworkInformation;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;
using EniAgent.Core.Planning;
using EniAgent.Netlink;
using EniAgent.Platform.Kernel;

namespace EniAgent.Platform.Tests.Kernel;

/// <summary>Per-link IPv4 settings and IPv6 state between the netlink and Core models.</summary>
public sealed class LinkSettingsMappingTests
{
    [Fact]
    public void A_link_s_devconf_maps_to_the_three_managed_settings()
    {
        var values = new uint[20];
        values[(int)NetlinkIpv4DevConfId.ArpAnnounce - 1] = 2;
        values[(int)NetlinkIpv4DevConfId.ArpIgnore - 1] = 1;
        values[(int)NetlinkIpv4DevConfId.RpFilter - 1] = 1;
        var link = new NetlinkLink(2, "eth1", PhysicalAddress.Parse("00-16-3E-AA-BB-CC"), 1500, NetlinkLinkFlags.Up, NetlinkOperState.Up, null, []) { Ipv4DevConf = new NetlinkIpv4DevConf(values) };

        Assert.Equal(new Ipv4DevConf(ArpIgnore: 1, ArpAnnounce: 2, PromoteSecondaries: 0), KernelSnapshotMapper.ToLink(link).Ipv4);
        Assert.Null(KernelSnapshotMapper.ToLink(link with { Ipv4DevConf = null }).Ipv4);
        Assert.Null(KernelSnapshotMapper.ToIpv4DevConf(new NetlinkIpv4DevConf(new uint[19]))); // promote_secondaries missing
    }

    [Theory]
    [InlineData(NetlinkLinkIpv6.Enabled, Ipv6LinkState.Enabled)]
    [InlineData(NetlinkLinkIpv6.Disabled, Ipv6LinkState.Disabled)]
    [InlineData(NetlinkLinkIpv6.Absent, Ipv6LinkState.Unavailable)]
    [InlineData(NetlinkLinkIpv6.NotReported, Ipv6LinkState.Unknown)]
    public void A_link_s_ipv6_state_maps_to_the_core_fact(NetlinkLinkIpv6 reported, Ipv6LinkState expected)
    {
        var link = new NetlinkLink(2, "eth1", PhysicalAddress.Parse("00-16-3E-AA-BB-CC"), 1500, NetlinkLinkFlags.Up, NetlinkOperState.Up, null, []) { Ipv6 = reported };

        Assert.Equal(expected, KernelSnapshotMapper.ToLink(link).Ipv6);
    }

    [Fact]
    public void The_step_becomes_a_setlink_of_only_its_settings_in_id_order()
    {
        var request = PlanStepRequests.For(new SetLinkDevConfStep(3, "eth1", new LinkSettings(ArpIgnore: 1, PromoteSecondaries: 1)));

        Assert.Equal("set link #3 arp_ignore 1 promote_secondaries 1", request.ToString());
        Assert.Equal("set link #3 arp_announce 2 arp_ignore 1 promote_secondaries 1", PlanStepRequests.For(new SetLinkDevConfStep(3, "eth1", LinkSettings.SecondaryEni)).ToString());
    }
}
