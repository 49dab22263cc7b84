using System.Net;
using System.Net.Sockets;
using EniAgent.Netlink.Codecs;
using static EniAgent.Netlink.Tests.FixtureMessages;

namespace EniAgent.Netlink.Tests.Codecs;

public sealed class AddressCodecTests
{
    [Fact]
    public void Decodes_an_ipv4_address_with_32_bit_flags_and_label()
    {
        var address = AddressCodec.Decode(PayloadOf(Fixtures.NewAddressV4));

        Assert.Equal(
            new NetlinkAddress
            {
                LinkIndex = 7,
                Address = IPAddress.Parse("10.0.0.5"),
                PrefixLength = 24,
                Flags = NetlinkAddressFlags.Permanent | NetlinkAddressFlags.NoPrefixRoute,
                Scope = NetlinkScope.Universe,
                Label = "eth1",
            },
            address);
        Assert.Equal(AddressFamily.InterNetwork, address!.Family);
    }

    [Fact]
    public void Decodes_an_ipv6_address_from_ifa_address_alone()
    {
        var address = AddressCodec.Decode(PayloadOf(Fixtures.DelAddressV6))!;

        Assert.Equal(IPAddress.Parse("fe80::1"), address.Address);
        Assert.Equal(64, address.PrefixLength);
        Assert.Equal(NetlinkScope.Link, address.Scope);
        Assert.Equal(NetlinkAddressFlags.NoDad, address.Flags);
        Assert.Null(address.Label);
    }

    [Fact]
    public void Other_families_are_skipped()
    {
        Assert.Null(AddressCodec.Decode(Hex.Bytes("07 08 00 00 01000000"))); // AF_BRIDGE-ish family 7
    }

    [Theory]
    [InlineData("02 21 00 00 01000000 0800 0200 0a000001")] // /33 for IPv4
    [InlineData("02 18 00 00 01000000 0900 0200 0a00000101")] // 5-byte IPv4 address
    [InlineData("02 18 00 00 01000000")] // no address at all
    [InlineData("02 18 00 00")] // header cut short
    public void Malformed_addresses_throw_the_decode_exception(string hex)
    {
        Assert.Throws<NetlinkDecodeException>(() => AddressCodec.Decode(Hex.Bytes(hex)));
    }

    [Fact]
    public void Encodes_local_address_and_flags_beyond_8_bits()
    {
        var written = Written(w => AddressCodec.Write(w, new NetlinkAddress
        {
            LinkIndex = 7,
            Address = IPAddress.Parse("10.0.0.5"),
            PrefixLength = 24,
            Flags = NetlinkAddressFlags.NoPrefixRoute | NetlinkAddressFlags.NoDad,
        }));

        Assert.Equal(Convert.ToHexString(Hex.Bytes("""
            02 18 02 00 07000000   # AF_INET /24, low flag byte NODAD, universe, index 7
            0800 0200 0a000005     # IFA_LOCAL
            0800 0100 0a000005     # IFA_ADDRESS
            0800 0800 02020000     # IFA_FLAGS NODAD|NOPREFIXROUTE
            """)), written);
    }

    [Fact]
    public void Rejects_a_prefix_too_long_for_the_family()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NetlinkRequest.AddAddress(new NetlinkAddress
        {
            LinkIndex = 1,
            Address = IPAddress.Parse("10.0.0.5"),
            PrefixLength = 33,
        }));
    }
}
