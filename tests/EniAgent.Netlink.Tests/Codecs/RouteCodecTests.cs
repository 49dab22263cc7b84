using System.Net;
using EniAgent.Netlink.Codecs;
using static EniAgent.Netlink.Tests.FixtureMessages;

namespace EniAgent.Netlink.Tests.Codecs;

public sealed class RouteCodecTests
{
    private static readonly NetlinkRoute Route = new()
    {
        Destination = IPNetwork.Parse("10.0.0.0/24"),
        Table = 31000,
        Gateway = IPAddress.Parse("10.0.0.1"),
        OutputLinkIndex = 3,
        PreferredSource = IPAddress.Parse("10.0.0.5"),
        Protocol = (NetlinkRouteProtocol)201,
        Scope = NetlinkScope.Universe,
        Type = NetlinkRouteType.Unicast,
        Priority = 100,
        Flags = NetlinkRouteFlags.OnLink,
    };

    [Fact]
    public void Decodes_a_route_whose_table_is_only_in_rta_table()
    {
        Assert.Equal(Route, RouteCodec.Decode(PayloadOf(Fixtures.NewRoute)));
    }

    [Fact]
    public void Encodes_big_tables_in_rta_table_with_the_header_table_unspecified()
    {
        Assert.Equal(Convert.ToHexString(Hex.Bytes("""
            02 18 00 00 00 c9 00 01 04000000   # header table 0 (RT_TABLE_UNSPEC)
            0800 0f00 18790000                 # RTA_TABLE 31000
            0800 0100 0a000000                 # RTA_DST
            0800 0500 0a000001                 # RTA_GATEWAY
            0800 0400 03000000                 # RTA_OIF
            0800 0700 0a000005                 # RTA_PREFSRC
            0800 0600 64000000                 # RTA_PRIORITY
            """)), Written(w => RouteCodec.Write(w, Route)));
    }

    [Fact]
    public void A_default_route_has_no_rta_dst_and_decodes_to_prefix_zero()
    {
        var route = new NetlinkRoute { Destination = IPNetwork.Parse("::/0"), Gateway = IPAddress.Parse("fe80::1"), OutputLinkIndex = 2 };
        var written = Written(w => RouteCodec.Write(w, route));
        // family 10, /0, main table in the header too, proto boot; then RTA_TABLE 254 and RTA_GATEWAY, no RTA_DST.
        Assert.StartsWith("0A000000FE03000100000000" + "08000F00FE000000" + "14000500FE80", written, StringComparison.Ordinal);
        Assert.Equal(route, RouteCodec.Decode(Convert.FromHexString(written)));
    }

    [Fact]
    public void Only_the_onlink_flag_is_sent()
    {
        var written = Written(w => RouteCodec.Write(w, Route with { Flags = NetlinkRouteFlags.OnLink | NetlinkRouteFlags.LinkDown | NetlinkRouteFlags.Dead }));
        Assert.Equal("04000000", written[16..24]);
    }

    [Fact]
    public void Mixed_families_are_rejected_before_sending()
    {
        Assert.Throws<ArgumentException>(() => NetlinkRequest.AddRoute(Route with { Gateway = IPAddress.Parse("fe80::1") }));
    }

    [Fact]
    public void Multicast_routing_families_are_skipped()
    {
        Assert.Null(RouteCodec.Decode(Hex.Bytes("80 20 00 00 fc 11 00 05 00000000"))); // RTNL_FAMILY_IPMR
    }

    [Fact]
    public void Describes_itself_like_ip_route()
    {
        Assert.Equal("10.0.0.0/24 via 10.0.0.1 dev #3 src 10.0.0.5 table 31000 proto 201 metric 100 flags OnLink", Route.ToString());
    }
}
