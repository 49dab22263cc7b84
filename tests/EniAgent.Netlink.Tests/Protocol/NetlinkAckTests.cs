using EniAgent.Netlink.Protocol;

namespace EniAgent.Netlink.Tests.Protocol;

public sealed class NetlinkAckTests
{
    [Fact]
    public void Capped_error_with_extended_ack_gives_errno_and_message()
    {
        var ack = DecodeSingle(Fixtures.ErrorAckCapped);
        Assert.Equal(17, ack.ErrorNumber);
        Assert.Equal("Route exist", ack.Message);
    }

    [Fact]
    public void Uncapped_error_skips_the_echoed_request_before_the_tlvs()
    {
        var ack = DecodeSingle(Fixtures.ErrorAckUncapped);
        Assert.Equal(22, ack.ErrorNumber);
        Assert.Equal("no table!", ack.Message);
    }

    [Fact]
    public void Zero_error_is_success_without_message()
    {
        var ack = DecodeSingle(Fixtures.SuccessAck);
        Assert.True(ack.IsSuccess);
        Assert.Null(ack.Message);
    }

    [Fact]
    public void Done_carries_a_dump_status()
    {
        Assert.True(DecodeSingle(Fixtures.Done(1)).IsSuccess);
        Assert.Equal(16, DecodeSingle(Fixtures.Done(1, -16)).ErrorNumber);
    }

    [Fact]
    public void Error_without_an_error_code_throws_the_decode_exception()
    {
        Assert.Throws<NetlinkDecodeException>(() => DecodeSingle(Hex.Bytes("12000000 0200 0000 01000000 00000000 0000")));
    }

    private static NetlinkAck DecodeSingle(byte[] datagram)
    {
        var reader = new NetlinkMessageReader(datagram);
        Assert.True(reader.TryRead(out var message));
        return NetlinkAck.Decode(message);
    }
}
