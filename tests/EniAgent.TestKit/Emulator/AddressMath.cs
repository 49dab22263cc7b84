using System.Net;
using System.Numerics;

namespace EniAgent.TestKit.Emulator;

/// <summary>Small address arithmetic for building realistic scenario values.</summary>
internal static class AddressMath
{
    /// <summary>The subnet's last address minus <paramref name="back"/> (Alibaba gateways: .253 in IPv4, ...fff7 in IPv6).</summary>
    public static IPAddress FromEnd(IPNetwork subnet, int back)
    {
        var bytes = subnet.BaseAddress.GetAddressBytes();
        var bits = bytes.Length * 8;
        var value = ToInteger(bytes) | ((BigInteger.One << (bits - subnet.PrefixLength)) - 1);
        return FromInteger(value - back, bytes.Length);
    }

    /// <summary><paramref name="address"/> plus <paramref name="offset"/> (host numbering inside a subnet).</summary>
    public static IPAddress Offset(IPAddress address, int offset)
    {
        var bytes = address.GetAddressBytes();
        return FromInteger(ToInteger(bytes) + offset, bytes.Length);
    }

    public static IPAddress Netmask(IPNetwork subnet)
    {
        var mask = subnet.PrefixLength == 0 ? 0u : uint.MaxValue << (32 - subnet.PrefixLength);
        return FromInteger(mask, 4);
    }

    /// <summary>The enclosing network of <paramref name="prefixLength"/> bits (no wider than the subnet itself).</summary>
    public static IPNetwork Enclosing(IPNetwork subnet, int prefixLength)
    {
        var length = Math.Min(prefixLength, subnet.PrefixLength);
        var bytes = subnet.BaseAddress.GetAddressBytes();
        var bits = bytes.Length * 8;
        var mask = ((BigInteger.One << length) - 1) << (bits - length);
        return new IPNetwork(FromInteger(ToInteger(bytes) & mask, bytes.Length), length);
    }

    private static BigInteger ToInteger(byte[] bytes) => new(bytes, isUnsigned: true, isBigEndian: true);

    private static IPAddress FromInteger(BigInteger value, int length)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var bytes = new byte[length];
        raw.AsSpan(Math.Max(0, raw.Length - length)).CopyTo(bytes.AsSpan(Math.Max(0, length - raw.Length)));
        return new IPAddress(bytes);
    }
}
