using System.Runtime.InteropServices;

namespace EniAgent.Netlink.Protocol;

/// <summary>Walks a run of netlink attributes (struct nlattr / rtattr). Malformed lengths throw <see cref="NetlinkDecodeException"/>.</summary>
internal ref struct AttributeReader(ReadOnlySpan<byte> attributes)
{
    private ReadOnlySpan<byte> _remaining = attributes;

    /// <summary>Reads the next attribute; <paramref name="type"/> has the nested/byte-order flag bits removed.</summary>
    public bool TryRead(out ushort type, out ReadOnlySpan<byte> value)
    {
        if (_remaining.IsEmpty)
        {
            type = 0;
            value = default;
            return false;
        }

        if (_remaining.Length < NetlinkLayout.AttributeHeaderSize)
        {
            throw new NetlinkDecodeException($"truncated attribute header: {_remaining.Length} bytes left");
        }

        var length = MemoryMarshal.Read<ushort>(_remaining);
        if (length < NetlinkLayout.AttributeHeaderSize || length > _remaining.Length)
        {
            throw new NetlinkDecodeException($"attribute length {length} outside 4..{_remaining.Length}");
        }

        type = (ushort)(MemoryMarshal.Read<ushort>(_remaining[2..]) & ~NetlinkLayout.AttributeFlagBits);
        value = _remaining[NetlinkLayout.AttributeHeaderSize..length];
        var next = NetlinkLayout.Align(length);
        _remaining = next >= _remaining.Length ? default : _remaining[next..];
        return true;
    }
}
