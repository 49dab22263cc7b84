using System.Net;
using System.Net.Sockets;
using CsCheck;
using EniAgent.Core.Metadata.Parsing;

namespace EniAgent.Core.Tests.Metadata;

public sealed class Ipv6ParserTests
{
    [Theory]
    [InlineData("2408:4005:325:a204::e4e")]
    [InlineData("2408:4005:325:a204:ffff:ffff:ffff:fff7")]
    [InlineData("fe80::1")]
    [InlineData("::")]
    [InlineData("2408:4005:0325:A204:0:0:0:E4E")]
    public void Accepts_textual_ipv6(string text)
    {
        Assert.True(Ipv6Parser.TryParse(text, out var ip, out _));
        Assert.Equal(AddressFamily.InterNetworkV6, ip.AddressFamily);
    }

    [Theory]
    [InlineData("", "not an IPv6 address")]
    [InlineData("1.2.3.4", "not an IPv6 address")]
    [InlineData("fe80::1%eth0", "not an IPv6 address")]
    [InlineData("[2408::1]", "not an IPv6 address")]
    [InlineData("2408:::1", "not an IPv6 address")]
    [InlineData("2408::1::2", "not an IPv6 address")]
    [InlineData("12345::1", "not an IPv6 address")]
    [InlineData("1:2:3:4:5:6:7:8:9", "not an IPv6 address")]
    [InlineData("::ffff:1.2.3.4", "not an IPv6 address")]
    [InlineData("::ffff:c0a8:101", "an IPv4-mapped IPv6 address")]
    [InlineData("2408::1 ", "not an IPv6 address")]
    [InlineData("g::1", "not an IPv6 address")]
    public void Rejects_other_forms(string text, string reason)
    {
        Assert.False(Ipv6Parser.TryParse(text, out var ip, out var error));
        Assert.Null(ip);
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Valid_addresses_round_trip()
    {
        Gen.Byte.Array[16].Select(b => new IPAddress(b)).Where(ip => !ip.IsIPv4MappedToIPv6 && !ip.ToString().Contains('.', StringComparison.Ordinal))
            .Sample(ip =>
            {
                Assert.True(Ipv6Parser.TryParse(ip.ToString(), out var parsed, out _));
                Assert.Equal(ip, parsed);
            });
    }

    [Fact]
    public void Arbitrary_text_never_crashes_and_success_means_ipv6() =>
        ParserProperty.Holds<IPAddress>(Gen.OneOf(Gen.String, Gen.String["0123456789abcdef:%. "]), Ipv6Parser.TryParse, (_, ip) =>
        {
            Assert.Equal(AddressFamily.InterNetworkV6, ip.AddressFamily);
            Assert.Equal(0, ip.ScopeId);
            Assert.False(ip.IsIPv4MappedToIPv6);
        });
}
