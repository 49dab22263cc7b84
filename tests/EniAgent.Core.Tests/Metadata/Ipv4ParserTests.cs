using System.Net;
using System.Net.Sockets;
using CsCheck;
using EniAgent.Core.Metadata.Parsing;

namespace EniAgent.Core.Tests.Metadata;

public sealed class Ipv4ParserTests
{
    [Theory]
    [InlineData("192.168.1.20")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("10.0.0.1")]
    public void Accepts_dotted_quads(string text)
    {
        Assert.True(Ipv4Parser.TryParse(text, out var ip, out _));
        Assert.Equal(text, ip.ToString());
    }

    [Theory]
    [InlineData("", "not a dotted-quad IPv4 address")]
    [InlineData("1.2.3", "not a dotted-quad IPv4 address")]
    [InlineData("1.2.3.4.5", "not a dotted-quad IPv4 address")]
    [InlineData("192.168.01.1", "an octet has a leading zero")]
    [InlineData("010.0.0.1", "an octet has a leading zero")]
    [InlineData("0x7f.0.0.1", "not a dotted-quad IPv4 address")]
    [InlineData("256.1.1.1", "an octet is above 255")]
    [InlineData("1.2.3.4 ", "not a dotted-quad IPv4 address")]
    [InlineData(" 1.2.3.4", "not a dotted-quad IPv4 address")]
    [InlineData("1.2 .3.4", "not a dotted-quad IPv4 address")]
    [InlineData("1..3.4", "not a dotted-quad IPv4 address")]
    [InlineData("1.2.3.", "not a dotted-quad IPv4 address")]
    [InlineData("2130706433", "not a dotted-quad IPv4 address")]
    [InlineData("::1", "not a dotted-quad IPv4 address")]
    [InlineData("1.2.3.4\n", "not a dotted-quad IPv4 address")]
    [InlineData("١.٢.٣.٤", "not a dotted-quad IPv4 address")]
    public void Rejects_other_forms(string text, string reason)
    {
        Assert.False(Ipv4Parser.TryParse(text, out var ip, out var error));
        Assert.Null(ip);
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Valid_addresses_round_trip()
    {
        Gen.Byte.Array[4].Sample(bytes =>
        {
            var ip = new IPAddress(bytes);
            Assert.True(Ipv4Parser.TryParse(ip.ToString(), out var parsed, out _));
            Assert.Equal(ip, parsed);
        });
    }

    [Fact]
    public void Arbitrary_text_never_crashes_and_success_means_canonical_ipv4() =>
        ParserProperty.Holds<IPAddress>(Gen.OneOf(Gen.String, Gen.String["0123456789.x "], Gen.String["0123456789."]), Ipv4Parser.TryParse, (text, ip) =>
        {
            Assert.Equal(AddressFamily.InterNetwork, ip.AddressFamily);
            Assert.Equal(text, ip.ToString());
        });
}
