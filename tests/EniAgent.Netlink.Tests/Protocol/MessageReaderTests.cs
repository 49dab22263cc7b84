using EniAgent.Netlink.Protocol;

namespace EniAgent.Netlink.Tests.Protocol;

public sealed class MessageReaderTests
{
    [Fact]
    public void Reads_each_message_of_a_datagram_in_order()
    {
        var datagram = Fixtures.Concat(Fixtures.NewRoute, Fixtures.Done(42));
        var reader = new NetlinkMessageReader(datagram);

        Assert.True(reader.TryRead(out var first));
        Assert.Equal(NetlinkMessageType.NewRoute, first.Type);
        Assert.Equal(NetlinkMessageFlags.Multi, first.Flags);
        Assert.Equal(42u, first.Sequence);
        Assert.Equal(0x1234u, first.PortId);
        Assert.Equal(76 - 16, first.Payload.Length);

        Assert.True(reader.TryRead(out var second));
        Assert.Equal(NetlinkMessageType.Done, second.Type);
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void Skips_the_padding_after_a_message_whose_length_is_not_aligned()
    {
        // A 17-byte NOOP (length not a multiple of 4) padded to 20, then DONE.
        var datagram = Fixtures.Concat(Hex.Bytes("11000000 0100 0000 01000000 00000000 ff 000000"), Fixtures.Done(1));
        var reader = new NetlinkMessageReader(datagram);

        Assert.True(reader.TryRead(out var noop));
        Assert.Equal(1, noop.Payload.Length);
        Assert.True(reader.TryRead(out var done));
        Assert.Equal(NetlinkMessageType.Done, done.Type);
    }

    [Theory]
    [InlineData("10000000 0300 0000 01000000")] // header cut short
    [InlineData("0f000000 0300 0000 01000000 00000000")] // length below the header size
    [InlineData("20000000 0300 0000 01000000 00000000")] // length beyond the datagram
    public void Malformed_headers_throw_the_decode_exception(string hex)
    {
        var bytes = Hex.Bytes(hex);
        Assert.Throws<NetlinkDecodeException>(() =>
        {
            var reader = new NetlinkMessageReader(bytes);
            while (reader.TryRead(out _))
            {
            }
        });
    }
}
