using System.Net.NetworkInformation;
using EniAgent.Netlink.Codecs;
using static EniAgent.Netlink.Tests.FixtureMessages;

namespace EniAgent.Netlink.Tests.Codecs;

public sealed class LinkCodecTests
{
    [Fact]
    public void Decodes_every_field_of_a_link()
    {
        var link = LinkCodec.Decode(PayloadOf(Fixtures.NewLink));

        Assert.Equal(7, link.Index);
        Assert.Equal("eth1", link.Name);
        Assert.Equal(PhysicalAddress.Parse("00-16-3E-AA-BB-CC"), link.Address);
        Assert.Equal(1500, link.Mtu);
        Assert.Equal(NetlinkOperState.Up, link.OperState);
        Assert.Equal("veth", link.Kind);
        Assert.Equal(["enp0s5"], link.AlternativeNames);
        Assert.True(link.IsUp);
        Assert.True(link.IsRunning);
        Assert.True(link.IsLowerUp);
        Assert.Equal("#7 eth1 00:16:3e:aa:bb:cc mtu 1500 up state Up kind veth", link.ToString());
    }

    [Fact]
    public void A_link_without_a_name_is_malformed()
    {
        Assert.Throws<NetlinkDecodeException>(() => LinkCodec.Decode(Hex.Bytes("00000100 07000000 00000000 00000000")));
    }

    [Fact]
    public void Set_up_touches_only_the_up_flag()
    {
        Assert.Equal(
            Convert.ToHexString(Hex.Bytes("00 00 0000 07000000 01000000 01000000")), // index 7, flags UP, change UP
            Written(w => LinkCodec.WriteChange(w, 7, up: true, mtu: null)));
        Assert.Equal(
            Convert.ToHexString(Hex.Bytes("00 00 0000 07000000 00000000 01000000")),
            Written(w => LinkCodec.WriteChange(w, 7, up: false, mtu: null)));
    }

    [Fact]
    public void Set_mtu_changes_no_flag()
    {
        Assert.Equal(
            Convert.ToHexString(Hex.Bytes("00 00 0000 07000000 00000000 00000000  0800 0400 28230000")), // IFLA_MTU 9000
            Written(w => LinkCodec.WriteChange(w, 7, up: null, mtu: 9000)));
    }

    [Fact]
    public void Decodes_the_ipv4_settings_from_the_af_spec()
    {
        var link = LinkCodec.Decode(PayloadOf(Fixtures.NewLinkIpv4DevConf));

        var conf = Assert.IsType<NetlinkIpv4DevConf>(link.Ipv4DevConf);
        Assert.Equal(20, conf.Count);
        Assert.Equal(1u, conf[NetlinkIpv4DevConfId.ArpIgnore]);
        Assert.Equal(2u, conf[NetlinkIpv4DevConfId.ArpAnnounce]);
        Assert.Equal(1u, conf[NetlinkIpv4DevConfId.PromoteSecondaries]);
        Assert.Equal(2u, conf[NetlinkIpv4DevConfId.RpFilter]);
        Assert.Equal(0u, conf[NetlinkIpv4DevConfId.Forwarding]);
        Assert.Null(conf[NetlinkIpv4DevConfId.ArpAccept]); // id 21: beyond what this kernel reported
        Assert.StartsWith("forwarding 0 mc_forwarding 0 proxy_arp 0 accept_redirects 1", conf.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_without_af_spec_has_no_ipv4_settings()
    {
        Assert.Null(LinkCodec.Decode(PayloadOf(Fixtures.NewLink)).Ipv4DevConf);
    }

    [Fact]
    public void The_ipv6_state_comes_from_af_inet6_in_the_af_spec()
    {
        Assert.Equal(NetlinkLinkIpv6.NotReported, LinkCodec.Decode(PayloadOf(Fixtures.NewLink)).Ipv6);
        Assert.Equal(NetlinkLinkIpv6.Enabled, LinkCodec.Decode(PayloadOf(Fixtures.NewLinkIpv4DevConf)).Ipv6); // AF_INET6 without IFLA_INET6_CONF
        Assert.Equal(NetlinkLinkIpv6.Disabled, LinkCodec.Decode(WithInet6Conf(disableIpv6: 1)).Ipv6);
        Assert.Equal(NetlinkLinkIpv6.Enabled, LinkCodec.Decode(WithInet6Conf(disableIpv6: 0)).Ipv6);
        Assert.Equal(NetlinkLinkIpv6.Absent, LinkCodec.Decode(Hex.Bytes("""
            00 00 0100 07000000 00000000 00000000
            0900 0300 6574683100 000000
            1000 1a00  0c00 0200  0800 0100 01000000   # IFLA_AF_SPEC with AF_INET only
            """)).Ipv6);
    }

    [Fact]
    public void Ipv4_settings_compare_by_value()
    {
        var a = LinkCodec.Decode(PayloadOf(Fixtures.NewLinkIpv4DevConf));
        var b = LinkCodec.Decode(PayloadOf(Fixtures.NewLinkIpv4DevConf));

        Assert.Equal(a, b);
        Assert.Equal(a.Ipv4DevConf!.GetHashCode(), b.Ipv4DevConf!.GetHashCode());
        Assert.NotEqual(a.Ipv4DevConf, new NetlinkIpv4DevConf([0u, 0u]));
    }

    [Fact]
    public void An_inet_conf_that_is_not_a_u32_array_is_malformed()
    {
        Assert.Throws<NetlinkDecodeException>(() => LinkCodec.Decode(Hex.Bytes("""
            00 00 0100 07000000 00000000 00000000
            0900 0300 6574683100 000000
            1000 1a00  0c00 0200  0700 0100 010000 00   # IFLA_INET_CONF of 3 bytes
            """)));
    }

    [Fact]
    public void Set_ipv4_settings_nests_one_u32_per_id_under_af_inet()
    {
        KeyValuePair<NetlinkIpv4DevConfId, uint>[] values =
        [
            new(NetlinkIpv4DevConfId.ArpAnnounce, 2), new(NetlinkIpv4DevConfId.ArpIgnore, 1), new(NetlinkIpv4DevConfId.PromoteSecondaries, 1),
        ];

        Assert.Equal(
            Convert.ToHexString(Hex.Bytes("""
                00 00 0000 07000000 00000000 00000000  # ifinfomsg: index 7, no flag changed
                2400 1a80                              # IFLA_AF_SPEC | NLA_F_NESTED, 36 bytes
                  2000 0280                            #   AF_INET | NLA_F_NESTED, 32 bytes
                    1c00 0180                          #     IFLA_INET_CONF | NLA_F_NESTED, 28 bytes
                      0800 1200 02000000               #       IPV4_DEVCONF_ARP_ANNOUNCE 2
                      0800 1300 01000000               #       IPV4_DEVCONF_ARP_IGNORE 1
                      0800 1400 01000000               #       IPV4_DEVCONF_PROMOTE_SECONDARIES 1
                """)),
            Written(w => LinkCodec.WriteIpv4DevConf(w, 7, values)));
    }

    [Fact]
    public void Set_ipv4_settings_request_orders_by_id_and_names_the_sysctls()
    {
        var request = NetlinkRequest.SetLinkIpv4DevConf(7, new Dictionary<NetlinkIpv4DevConfId, uint>
        {
            [NetlinkIpv4DevConfId.PromoteSecondaries] = 1,
            [NetlinkIpv4DevConfId.ArpIgnore] = 1,
            [NetlinkIpv4DevConfId.ArpAnnounce] = 2,
        });

        Assert.Equal("set link #7 arp_announce 2 arp_ignore 1 promote_secondaries 1", request.ToString());
        Assert.Throws<ArgumentException>(() => NetlinkRequest.SetLinkIpv4DevConf(7, new Dictionary<NetlinkIpv4DevConfId, uint>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetlinkRequest.SetLinkIpv4DevConf(7, new Dictionary<NetlinkIpv4DevConfId, uint> { [(NetlinkIpv4DevConfId)0] = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetlinkRequest.SetLinkIpv4DevConf(7, new Dictionary<NetlinkIpv4DevConfId, uint> { [(NetlinkIpv4DevConfId)200] = 1 }));
    }

    [Fact]
    public void Sysctl_names_follow_the_uapi_ids()
    {
        Assert.Equal("rp_filter", NetlinkIpv4DevConfId.RpFilter.SysctlName());
        Assert.Equal("arp_announce", NetlinkIpv4DevConfId.ArpAnnounce.SysctlName());
        Assert.Equal("arp_ignore", NetlinkIpv4DevConfId.ArpIgnore.SysctlName());
        Assert.Equal("promote_secondaries", NetlinkIpv4DevConfId.PromoteSecondaries.SysctlName());
        Assert.Equal("arp_evict_nocarrier", NetlinkIpv4DevConfIds.MaxKnown.SysctlName());
        Assert.Equal("devconf#40", ((NetlinkIpv4DevConfId)40).SysctlName());
    }

    /// <summary>ifinfomsg, IFLA_IFNAME eth1, IFLA_AF_SPEC { AF_INET6 { IFLA_INET6_CONF: 27 s32, disable_ipv6 (id 26) as given } }.</summary>
    private static byte[] WithInet6Conf(int disableIpv6)
    {
        var conf = new byte[27 * 4];
        BitConverter.TryWriteBytes(conf.AsSpan(26 * 4), disableIpv6);
        byte[] Attribute(ushort type, byte[] value) => [.. BitConverter.GetBytes((ushort)(4 + value.Length)), .. BitConverter.GetBytes(type), .. value];
        byte[] header = [0, 0, 1, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] name = [.. Attribute(3, "eth1\0"u8.ToArray()), 0, 0, 0];
        return [.. header, .. name, .. Attribute(26, Attribute(10, Attribute(2, conf)))];
    }
}
