using EniAgent.Netlink.Codecs;

namespace EniAgent.Netlink.Tests.Codecs;

public sealed class EventDecoderTests
{
    [Fact]
    public void Decodes_new_and_delete_notifications_of_each_object()
    {
        var events = new List<NetlinkEvent>();
        EventDecoder.DecodeAll(
            Fixtures.Concat(Fixtures.NewLink, Fixtures.NewAddressV4, Fixtures.DelAddressV6, Fixtures.NewRoute, Fixtures.NewRule, Fixtures.Done(1)),
            events);

        Assert.Collection(
            events,
            e => Assert.Equal((NetlinkEventKind.New, "eth1"), (e.Kind, ((NetlinkLinkEvent)e).Link.Name)),
            e => Assert.Equal((NetlinkEventKind.New, 24), (e.Kind, ((NetlinkAddressEvent)e).Address.PrefixLength)),
            e => Assert.Equal((NetlinkEventKind.Delete, 64), (e.Kind, ((NetlinkAddressEvent)e).Address.PrefixLength)),
            e => Assert.Equal((NetlinkEventKind.New, 31000u), (e.Kind, ((NetlinkRouteEvent)e).Route.Table)),
            e => Assert.Equal((NetlinkEventKind.New, 1000u), (e.Kind, ((NetlinkRuleEvent)e).Rule.Priority)));
    }

    [Theory]
    [InlineData(0, NetlinkLinkIpv6.Enabled)]
    [InlineData(1, NetlinkLinkIpv6.Disabled)]
    public void Decodes_ipv6s_own_link_message_from_its_protinfo(int disableIpv6, NetlinkLinkIpv6 expected)
    {
        var events = new List<NetlinkEvent>();

        EventDecoder.DecodeAll(Ipv6LinkInfo(disableIpv6), events);

        Assert.Equal(new NetlinkLinkIpv6Event(3, expected), Assert.Single(events));
    }

    /// <summary>
    /// RTM_NEWLINK as RTNLGRP_IPV6_IFINFO carries it (captured with disable_ipv6 set back to 0 on a veth d0, #3):
    /// ifinfomsg family AF_INET6, IFLA_IFNAME, then IFLA_PROTINFO { IFLA_INET6_FLAGS IF_READY, IFLA_INET6_CONF:
    /// 27 s32, disable_ipv6 (id 26) as given }; no IFLA_AF_SPEC.
    /// </summary>
    private static byte[] Ipv6LinkInfo(int disableIpv6)
    {
        var conf = new byte[27 * 4];
        BitConverter.TryWriteBytes(conf.AsSpan(26 * 4), disableIpv6);
        static byte[] Attribute(ushort type, byte[] value) => [.. BitConverter.GetBytes((ushort)(4 + value.Length)), .. BitConverter.GetBytes(type), .. value];
        byte[] payload =
        [
            .. Hex.Bytes("0a 00 0100 03000000 43100100 00000000"), // ifinfomsg: AF_INET6, ARPHRD_ETHER, index 3, UP|BROADCAST|RUNNING|MULTICAST|LOWER_UP
            .. Attribute(3, "d0\0"u8.ToArray()), 0, // IFLA_IFNAME "d0\0" (1 byte padding)
            .. Attribute(12, [.. Attribute(1, Hex.Bytes("00000080")), .. Attribute(2, conf)]), // IFLA_PROTINFO { IFLA_INET6_FLAGS, IFLA_INET6_CONF }
        ];
        byte[] header = [.. BitConverter.GetBytes(16 + payload.Length), .. Hex.Bytes("1000 0000 00000000 00000000")]; // RTM_NEWLINK, multicast (seq 0, pid 0)
        return [.. header, .. payload];
    }
}
