using EniAgent.Netlink.Protocol;

namespace EniAgent.Netlink.Tests.Protocol;

public sealed class AttributeReaderTests
{
    [Fact]
    public void Steps_over_padding_to_the_next_4_byte_boundary()
    {
        var bytes = Hex.Bytes("""
            0500 0100 aa 000000  # 1-byte value, 3 bytes padding
            0600 0200 bbcc 0000  # 2-byte value, 2 bytes padding
            0800 0300 01020304   # no padding
            """);
        var reader = new AttributeReader(bytes);

        Assert.True(reader.TryRead(out var type, out var value));
        Assert.Equal((1, "AA"), (type, Convert.ToHexString(value)));
        Assert.True(reader.TryRead(out type, out value));
        Assert.Equal((2, "BBCC"), (type, Convert.ToHexString(value)));
        Assert.True(reader.TryRead(out type, out value));
        Assert.Equal((3, "01020304"), (type, Convert.ToHexString(value)));
        Assert.False(reader.TryRead(out _, out _));
    }

    [Fact]
    public void The_last_attribute_may_omit_its_padding()
    {
        var reader = new AttributeReader(Hex.Bytes("0500 0100 aa"));
        Assert.True(reader.TryRead(out _, out var value));
        Assert.Equal(0xaa, value[0]);
        Assert.False(reader.TryRead(out _, out _));
    }

    [Fact]
    public void Nested_and_byte_order_flags_are_removed_from_the_type()
    {
        var reader = new AttributeReader(Hex.Bytes("0400 12c0"));
        Assert.True(reader.TryRead(out var type, out var value));
        Assert.Equal(0x12, type);
        Assert.True(value.IsEmpty);
    }

    [Theory]
    [InlineData("0300 0100")] // length below the attribute header
    [InlineData("0900 0100 aabb")] // length beyond the data
    [InlineData("0800 0100 aabbccdd 01")] // a trailing fragment too short for a header
    public void Malformed_attributes_throw_the_decode_exception(string hex)
    {
        var bytes = Hex.Bytes(hex);
        Assert.Throws<NetlinkDecodeException>(() =>
        {
            var reader = new AttributeReader(bytes);
            while (reader.TryRead(out _, out _))
            {
            }
        });
    }
}
