using System.Net;
using CsCheck;
using EniAgent.Core.Metadata.Parsing;

namespace EniAgent.Core.Tests.Metadata;

public sealed class NetmaskParserTests
{
    [Theory]
    [InlineData("255.255.255.0", 24)]
    [InlineData("255.255.240.0", 20)]
    [InlineData("255.255.255.255", 32)]
    [InlineData("0.0.0.0", 0)]
    [InlineData("255.255.255.248", 29)]
    public void Reads_contiguous_masks(string text, int length)
    {
        Assert.True(NetmaskParser.TryParse(text, out var parsed, out _));
        Assert.Equal(length, parsed);
    }

    [Theory]
    [InlineData("255.0.255.0", "not a contiguous netmask")]
    [InlineData("0.255.255.255", "not a contiguous netmask")]
    [InlineData("255.255.255.1", "not a contiguous netmask")]
    [InlineData("255.255.255.00", "an octet has a leading zero")]
    [InlineData("24", "not a dotted-quad IPv4 address")]
    public void Rejects_other_masks(string text, string reason)
    {
        Assert.False(NetmaskParser.TryParse(text, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Every_prefix_length_round_trips_and_other_masks_fail()
    {
        Gen.UInt.Sample(bits =>
        {
            var bytes = BitConverter.GetBytes(bits);
            Array.Reverse(bytes);
            var text = new IPAddress(bytes).ToString();
            var contiguous = uint.LeadingZeroCount(~bits) == uint.PopCount(bits);
            Assert.Equal(contiguous, NetmaskParser.TryParse(text, out var length, out _));
            if (contiguous)
            {
                Assert.Equal((int)uint.PopCount(bits), length);
            }
        });

        for (var length = 0; length <= 32; length++)
        {
            var mask = length == 0 ? 0u : uint.MaxValue << (32 - length);
            var bytes = BitConverter.GetBytes(mask);
            Array.Reverse(bytes);
            Assert.True(NetmaskParser.TryParse(new IPAddress(bytes).ToString(), out var parsed, out _));
            Assert.Equal(length, parsed);
        }
    }
}
