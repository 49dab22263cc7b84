using System.Net;
using System.Net.Sockets;
using CsCheck;
using EniAgent.Core.Metadata.Parsing;

namespace EniAgent.Core.Tests.Metadata;

public sealed class CidrParserTests
{
    [Theory]
    [InlineData("192.168.1.0/24")]
    [InlineData("192.168.1.32/28")]
    [InlineData("0.0.0.0/0")]
    [InlineData("10.0.0.1/32")]
    public void Accepts_ipv4_networks(string text)
    {
        Assert.True(CidrParser.TryParseV4(text, out var network, out _));
        Assert.Equal(IPNetwork.Parse(text), network);
    }

    [Theory]
    [InlineData("2408:4005:325:a204::/64")]
    [InlineData("2408:4005:325:a200::/56")]
    [InlineData("2408:4005:325:a204:1::/80")]
    public void Accepts_ipv6_networks(string text)
    {
        Assert.True(CidrParser.TryParseV6(text, out var network, out _));
        Assert.Equal(IPNetwork.Parse(text), network);
    }

    [Theory]
    [InlineData("192.168.1.1/24", "host bits are set")]
    [InlineData("192.168.1.0", "not in address/length form")]
    [InlineData("192.168.1.0/33", "prefix length is not a number from 0 to 32")]
    [InlineData("192.168.1.0/024", "prefix length is not a number from 0 to 32")]
    [InlineData("192.168.1.0/", "prefix length is not a number from 0 to 32")]
    [InlineData("192.168.1.0/2 4", "prefix length is not a number from 0 to 32")]
    [InlineData("192.168.1.0/24/24", "prefix length is not a number from 0 to 32")]
    [InlineData("192.168.01.0/24", "an octet has a leading zero")]
    [InlineData("2408::/64", "not a dotted-quad IPv4 address")]
    public void Rejects_bad_ipv4_networks(string text, string reason)
    {
        Assert.False(CidrParser.TryParseV4(text, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Theory]
    [InlineData("2408:4005:325:a204::1/64", "host bits are set")]
    [InlineData("2408:4005:325:a204::/129", "prefix length is not a number from 0 to 128")]
    [InlineData("10.0.0.0/8", "not an IPv6 address")]
    public void Rejects_bad_ipv6_networks(string text, string reason)
    {
        Assert.False(CidrParser.TryParseV6(text, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Valid_networks_round_trip_and_host_bits_are_refused()
    {
        Gen.Select(Gen.Byte.Array[4], Gen.Int[0, 32]).Sample((bytes, length) =>
        {
            var address = new IPAddress(bytes);
            var masked = EniAgent.Core.InterfaceAddress.Mask(address, length);
            var text = $"{address}/{length}";
            Assert.Equal(masked.Equals(address), CidrParser.TryParseV4(text, out var network, out var error));
            if (masked.Equals(address))
            {
                Assert.Equal(new IPNetwork(address, length), network);
            }
            else
            {
                Assert.Equal("host bits are set", error);
            }
        });
    }

    [Fact]
    public void Arbitrary_text_never_crashes_and_success_means_a_network_without_host_bits()
    {
        var texts = Gen.OneOf(Gen.String, Gen.String["0123456789./:abcdef"]);
        ParserProperty.Holds<IPNetwork>(texts, CidrParser.TryParseV4, (_, network) => AssertClean(network, AddressFamily.InterNetwork));
        ParserProperty.Holds<IPNetwork>(texts, CidrParser.TryParseV6, (_, network) => AssertClean(network, AddressFamily.InterNetworkV6));
    }

    private static void AssertClean(IPNetwork network, AddressFamily family)
    {
        Assert.Equal(family, network.BaseAddress.AddressFamily);
        Assert.Equal(EniAgent.Core.InterfaceAddress.Mask(network.BaseAddress, network.PrefixLength), network.BaseAddress);
    }
}
