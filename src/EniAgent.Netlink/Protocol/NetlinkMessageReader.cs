using System.Runtime.InteropServices;

namespace EniAgent.Netlink.Protocol;

/// <summary>Walks the messages of a received datagram. Malformed lengths throw <see cref="NetlinkDecodeException"/>.</summary>
internal ref struct NetlinkMessageReader(ReadOnlySpan<byte> datagram)
{
    private ReadOnlySpan<byte> _remaining = datagram;

    public bool TryRead(out NetlinkMessage message)
    {
        if (_remaining.IsEmpty)
        {
            message = default;
            return false;
        }

        if (_remaining.Length < NetlinkLayout.MessageHeaderSize)
        {
            throw new NetlinkDecodeException($"truncated netlink header: {_remaining.Length} bytes left");
        }

        var length = MemoryMarshal.Read<uint>(_remaining);
        if (length < NetlinkLayout.MessageHeaderSize || length > (uint)_remaining.Length)
        {
            throw new NetlinkDecodeException($"netlink message length {length} outside 16..{_remaining.Length}");
        }

        message = new NetlinkMessage(
            (NetlinkMessageType)MemoryMarshal.Read<ushort>(_remaining[4..]),
            (NetlinkMessageFlags)MemoryMarshal.Read<ushort>(_remaining[6..]),
            MemoryMarshal.Read<uint>(_remaining[8..]),
            MemoryMarshal.Read<uint>(_remaining[12..]),
            _remaining[NetlinkLayout.MessageHeaderSize..(int)length]);

        var next = NetlinkLayout.Align((int)length);
        _remaining = next >= _remaining.Length ? default : _remaining[next..];
        return true;
    }
}
