using System.Runtime.InteropServices;

namespace EniAgent.Netlink.Protocol;

/// <summary>The status an NLMSG_ERROR or NLMSG_DONE message carries: an errno (0 = success) and the extended ACK text.</summary>
internal readonly record struct NetlinkAck(int ErrorNumber, string? Message)
{
    private const int ErrorCodeSize = 4;
    private const ushort NlmsgerrAttrMsg = 1;

    public bool IsSuccess => ErrorNumber == 0;

    /// <summary>
    /// Decodes struct nlmsgerr (or the int of NLMSG_DONE) and any NLMSGERR_ATTR_* TLVs after it. For an
    /// error the TLVs follow the echoed request: just its header when capped (NETLINK_CAP_ACK), else all of it.
    /// </summary>
    public static NetlinkAck Decode(in NetlinkMessage message)
    {
        var payload = message.Payload;
        if (payload.Length < ErrorCodeSize)
        {
            throw new NetlinkDecodeException($"{message.Type}: {payload.Length}-byte payload has no error code");
        }

        var error = -MemoryMarshal.Read<int>(payload);
        if ((message.Flags & NetlinkMessageFlags.AckTlvs) == 0)
        {
            return new NetlinkAck(error, null);
        }

        var tlvStart = ErrorCodeSize;
        if (message.Type == NetlinkMessageType.Error)
        {
            if (payload.Length < ErrorCodeSize + NetlinkLayout.MessageHeaderSize)
            {
                throw new NetlinkDecodeException($"nlmsgerr: {payload.Length} bytes, no echoed header");
            }

            var echoedLength = MemoryMarshal.Read<uint>(payload[ErrorCodeSize..]);
            var capped = (message.Flags & NetlinkMessageFlags.Capped) != 0;
            tlvStart += capped || echoedLength < NetlinkLayout.MessageHeaderSize
                ? NetlinkLayout.MessageHeaderSize
                : NetlinkLayout.Align((int)Math.Min(echoedLength, (uint)payload.Length));
        }

        return new NetlinkAck(error, tlvStart < payload.Length ? ReadMessage(payload[tlvStart..]) : null);
    }

    private static string? ReadMessage(ReadOnlySpan<byte> tlvs)
    {
        var attributes = new AttributeReader(tlvs);
        while (attributes.TryRead(out var type, out var value))
        {
            if (type == NlmsgerrAttrMsg)
            {
                return AttributeValues.String(value);
            }
        }

        return null;
    }
}
