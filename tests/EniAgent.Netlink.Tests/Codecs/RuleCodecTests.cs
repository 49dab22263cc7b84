using System.Net;
using System.Net.Sockets;
using EniAgent.Netlink.Codecs;
using static EniAgent.Netlink.Tests.FixtureMessages;

namespace EniAgent.Netlink.Tests.Codecs;

public sealed class RuleCodecTests
{
    private static readonly NetlinkRule Rule = new()
    {
        Family = AddressFamily.InterNetwork,
        Priority = 1000,
        Source = IPNetwork.Parse("10.0.0.5/32"),
        Table = 31000,
        Protocol = (NetlinkRouteProtocol)201,
        SuppressPrefixLength = 0,
        InputInterface = "eth1",
        FirewallMark = 1,
    };

    [Fact]
    public void Decodes_every_selector_and_the_big_table()
    {
        Assert.Equal(Rule, RuleCodec.Decode(PayloadOf(Fixtures.NewRule)));
    }

    [Fact]
    public void Encodes_every_field_so_that_deletes_match_exactly()
    {
        Assert.Equal(Convert.ToHexString(Hex.Bytes("""
            02 00 20 00 00 00 00 01 00000000   # AF_INET, src_len 32, table in FRA_TABLE only, FR_ACT_TO_TBL
            0800 0600 e8030000                 # FRA_PRIORITY 1000
            0800 0f00 18790000                 # FRA_TABLE 31000
            0500 1500 c9 000000                # FRA_PROTOCOL 201
            0800 0200 0a000005                 # FRA_SRC
            0800 0e00 00000000                 # FRA_SUPPRESS_PREFIXLEN 0
            0900 0300 6574683100 000000        # FRA_IIFNAME "eth1\0"
            0800 0a00 01000000                 # FRA_FWMARK
            """)), Written(w => RuleCodec.Write(w, Rule)));
    }

    [Fact]
    public void Source_host_bits_are_cleared_on_decode()
    {
        // from 10.0.0.5/24: the kernel keeps the host bits, IPNetwork cannot.
        var rule = RuleCodec.Decode(Hex.Bytes("02 00 18 00 fe 00 00 01 00000000  0800 0200 0a000005"))!;
        Assert.Equal(IPNetwork.Parse("10.0.0.0/24"), rule.Source);
        Assert.Equal(NetlinkRouteTable.Main, rule.Table);
        Assert.Null(rule.SuppressPrefixLength);
    }

    [Fact]
    public void Suppress_prefixlength_minus_one_means_unset()
    {
        var rule = RuleCodec.Decode(Hex.Bytes("02 00 00 00 fe 00 00 01 00000000  0800 0e00 ffffffff"))!;
        Assert.Null(rule.SuppressPrefixLength);
    }

    [Fact]
    public void Describes_itself_like_ip_rule()
    {
        Assert.Equal("priority 1000 from 10.0.0.5/32 iif eth1 fwmark 0x1 lookup 31000 suppress_prefixlength 0 proto 201", Rule.ToString());
    }
}
