using System.Net;
using System.Net.Sockets;

namespace EniAgent.Core;

/// <summary>An address with the prefix length of its subnet, as configured on an interface (host bits kept).</summary>
public readonly record struct InterfaceAddress(IPAddress Address, int PrefixLength)
{
    public AddressFamily Family => Address.AddressFamily;

    /// <summary>The subnet this address belongs to.</summary>
    public IPNetwork Network => new IPNetwork(Mask(Address, PrefixLength), PrefixLength);

    public static InterfaceAddress Host(IPAddress address) =>
        new(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);

    public override string ToString() => $"{Address}/{PrefixLength}";

    /// <summary>Clears the host bits of an address for a prefix length.</summary>
    public static IPAddress Mask(IPAddress address, int prefixLength)
    {
        ArgumentNullException.ThrowIfNull(address);
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefixLength - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }

        return new IPAddress(bytes);
    }
}
