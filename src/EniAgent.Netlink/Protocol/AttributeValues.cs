using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace EniAgent.Netlink.Protocol;

/// <summary>Reads typed values out of attribute payloads, throwing <see cref="NetlinkDecodeException"/> on wrong sizes.</summary>
internal static class AttributeValues
{
    public static byte U8(ReadOnlySpan<byte> value, string name) =>
        value.Length >= 1 ? value[0] : throw TooShort(name, 1, value.Length);

    public static uint U32(ReadOnlySpan<byte> value, string name) =>
        value.Length >= 4 ? MemoryMarshal.Read<uint>(value) : throw TooShort(name, 4, value.Length);

    public static int I32(ReadOnlySpan<byte> value, string name) => (int)U32(value, name);

    /// <summary>A NUL-terminated (or not) string; invalid UTF-8 is replaced, never thrown on.</summary>
    public static string String(ReadOnlySpan<byte> value)
    {
        var end = value.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? value : value[..end]);
    }

    public static IPAddress Address(ReadOnlySpan<byte> value, AddressFamily family, string name)
    {
        var expected = KernelFamily.AddressLength(family);
        return value.Length == expected
            ? new IPAddress(value)
            : throw new NetlinkDecodeException($"{name}: {value.Length}-byte address in a {family} message");
    }

    /// <summary>Validates a prefix length from a message header against the family.</summary>
    public static int PrefixLength(byte prefixLength, AddressFamily family, string name) =>
        prefixLength <= KernelFamily.MaxPrefixLength(family)
            ? prefixLength
            : throw new NetlinkDecodeException($"{name}: prefix length {prefixLength} too long for {family}");

    /// <summary>
    /// Builds a network from an address attribute and a header prefix length. Host bits are cleared: the
    /// kernel keeps them for rule selectors (<c>from 10.0.0.5/24</c>) but <see cref="IPNetwork"/> cannot hold them.
    /// </summary>
    public static IPNetwork Network(IPAddress? address, int prefixLength, AddressFamily family, string name)
    {
        if (address is null)
        {
            return prefixLength == 0
                ? new IPNetwork(KernelFamily.Any(family), 0)
                : throw new NetlinkDecodeException($"{name}: prefix length {prefixLength} without an address");
        }

        Span<byte> bytes = stackalloc byte[16];
        _ = address.TryWriteBytes(bytes, out var written);
        bytes = bytes[..written];
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefixLength - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }

        return new IPNetwork(new IPAddress(bytes), prefixLength);
    }

    private static NetlinkDecodeException TooShort(string name, int expected, int actual) =>
        new($"{name}: {actual} bytes, expected at least {expected}");
}
