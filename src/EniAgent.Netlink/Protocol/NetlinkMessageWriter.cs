using System.Net;
using System.Runtime.InteropServices;
using System.Text;

namespace EniAgent.Netlink.Protocol;

/// <summary>
/// Builds one or more netlink messages into a reusable buffer (several messages make a batch sent in one
/// datagram). Values are written in host byte order, as netlink expects; everything is 4-byte aligned.
/// </summary>
internal sealed class NetlinkMessageWriter
{
    private byte[] _buffer;
    private int _length;
    private int _messageStart = -1;

    public NetlinkMessageWriter(int capacity = 4096) => _buffer = new byte[capacity];

    public int Length => _length;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public void Clear()
    {
        _length = 0;
        _messageStart = -1;
    }

    public void BeginMessage(NetlinkMessageType type, NetlinkMessageFlags flags, uint sequence)
    {
        if (_messageStart >= 0)
        {
            throw new InvalidOperationException("previous message not ended");
        }

        _messageStart = _length;
        var header = Reserve(NetlinkLayout.MessageHeaderSize);
        MemoryMarshal.Write(header[4..], (ushort)type);
        MemoryMarshal.Write(header[6..], (ushort)flags);
        MemoryMarshal.Write(header[8..], sequence);
        // Length (0..3) is patched by EndMessage; port id (12..15) stays 0: the kernel fills it in.
    }

    public void EndMessage()
    {
        if (_messageStart < 0)
        {
            throw new InvalidOperationException("no message begun");
        }

        MemoryMarshal.Write(_buffer.AsSpan(_messageStart), (uint)(_length - _messageStart));
        _messageStart = -1;
    }

    /// <summary>Appends a zeroed family header (ifinfomsg, rtmsg...) and returns it for the caller to fill.</summary>
    public Span<byte> AppendHeader(int size) => Reserve(size)[..size];

    /// <summary>Appends bytes produced by another writer (already aligned).</summary>
    public void AppendAligned(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    public void WriteAttribute(ushort type, ReadOnlySpan<byte> value)
    {
        var span = Reserve(NetlinkLayout.AttributeHeaderSize + value.Length);
        MemoryMarshal.Write(span, (ushort)(NetlinkLayout.AttributeHeaderSize + value.Length));
        MemoryMarshal.Write(span[2..], type);
        value.CopyTo(span[NetlinkLayout.AttributeHeaderSize..]);
    }

    public void WriteU8(ushort type, byte value) => WriteAttribute(type, [value]);

    public void WriteU32(ushort type, uint value) =>
        WriteAttribute(type, MemoryMarshal.AsBytes(new ReadOnlySpan<uint>(in value)));

    /// <summary>A NUL-terminated string, as the kernel expects for names.</summary>
    public void WriteString(ushort type, string value)
    {
        var size = Encoding.UTF8.GetByteCount(value) + 1;
        Span<byte> bytes = size <= 256 ? stackalloc byte[size] : new byte[size];
        var count = Encoding.UTF8.GetBytes(value, bytes);
        bytes[count] = 0;
        WriteAttribute(type, bytes[..(count + 1)]);
    }

    public void WriteAddress(ushort type, IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        _ = address.TryWriteBytes(bytes, out var written);
        WriteAttribute(type, bytes[..written]);
    }

    /// <summary>Starts a nested attribute; pass the returned offset to <see cref="EndNested"/>.</summary>
    public int BeginNested(ushort type)
    {
        var start = _length;
        var span = Reserve(NetlinkLayout.AttributeHeaderSize);
        MemoryMarshal.Write(span[2..], (ushort)(type | NetlinkLayout.NestedFlag));
        return start;
    }

    public void EndNested(int start) =>
        MemoryMarshal.Write(_buffer.AsSpan(start), (ushort)(_length - start));

    /// <summary>Reserves an aligned, zeroed region and returns it (padding included).</summary>
    private Span<byte> Reserve(int size)
    {
        var aligned = NetlinkLayout.Align(size);
        if (_length + aligned > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + aligned));
        }

        var span = _buffer.AsSpan(_length, aligned);
        span.Clear();
        _length += aligned;
        return span;
    }
}
