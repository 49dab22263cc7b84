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
}
