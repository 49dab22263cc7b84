using System.Net;
using EniAgent.Netlink.Protocol;

namespace EniAgent.Netlink.Tests.Protocol;

public sealed class MessageWriterTests
{
    [Fact]
    public void Pads_attributes_to_4_bytes_and_patches_message_and_nest_lengths()
    {
        var writer = new NetlinkMessageWriter(8); // small on purpose: forces the buffer to grow
        writer.BeginMessage(NetlinkMessageType.NewLink, NetlinkMessageFlags.Request | NetlinkMessageFlags.Ack, 7);
        writer.AppendHeader(5)[0] = 0xee;
        writer.WriteU8(1, 0x11);
        var nest = writer.BeginNested(2);
        writer.WriteString(3, "ab");
        writer.EndNested(nest);
        writer.WriteAddress(4, IPAddress.Parse("10.1.2.3"));
        writer.EndMessage();

        var expected = Hex.Bytes("""
            34000000 1000 0500 07000000 00000000  # len 52, RTM_NEWLINK, REQUEST|ACK, seq 7, pid 0
            ee000000 000000 00                    # 5-byte header padded to 8
            0500 0100 11 000000                   # u8 attribute padded
            0c00 0280                             # nest of 12 bytes, NLA_F_NESTED
              0700 0300 616200 00                 #   "ab\0" padded
            0800 0400 0a010203                    # IPv4 address
            """);
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(writer.WrittenSpan));
    }

    [Fact]
    public void Clear_reuses_the_buffer_without_leaking_old_bytes_into_padding()
    {
        var writer = new NetlinkMessageWriter();
        writer.BeginMessage(NetlinkMessageType.NewLink, NetlinkMessageFlags.None, 1);
        writer.WriteU32(1, 0xffffffff);
        writer.WriteU32(1, 0xffffffff);
        writer.EndMessage();
        writer.Clear();

        writer.BeginMessage(NetlinkMessageType.NewLink, NetlinkMessageFlags.None, 1);
        writer.WriteU8(1, 0x01);
        writer.EndMessage();

        Assert.Equal("05000100" + "01000000", Convert.ToHexString(writer.WrittenSpan[16..]));
    }

    [Fact]
    public void Several_messages_follow_each_other_with_their_own_lengths()
    {
        var writer = new NetlinkMessageWriter();
        for (uint sequence = 1; sequence <= 3; sequence++)
        {
            writer.BeginMessage(NetlinkMessageType.NewRule, NetlinkMessageFlags.Request, sequence);
            writer.WriteU32(6, sequence);
            writer.EndMessage();
        }

        var reader = new NetlinkMessageReader(writer.WrittenSpan);
        var sequences = new List<uint>();
        while (reader.TryRead(out var message))
        {
            sequences.Add(message.Sequence);
            Assert.Equal(8, message.Payload.Length);
        }

        Assert.Equal([1u, 2u, 3u], sequences);
    }
}
