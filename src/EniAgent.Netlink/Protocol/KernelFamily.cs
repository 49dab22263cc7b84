using System.Net;
using System.Net.Sockets;

namespace EniAgent.Netlink.Protocol;

/// <summary>Converts between kernel address family numbers (AF_INET=2, AF_INET6=10) and .NET's.</summary>
internal static class KernelFamily
{
    public const byte Unspecified = 0;
    public const byte Inet = 2;
    public const byte Inet6 = 10;

    /// <summary>The IP family for a kernel family byte, or null for anything else (MPLS, bridge, multicast routing tables...).</summary>
    public static AddressFamily? ToAddressFamily(byte family) => family switch
    {
        Inet => AddressFamily.InterNetwork,
        Inet6 => AddressFamily.InterNetworkV6,
        _ => null,
    };

    public static byte FromAddressFamily(AddressFamily family) => family switch
    {
        AddressFamily.Unspecified => Unspecified,
        AddressFamily.InterNetwork => Inet,
        AddressFamily.InterNetworkV6 => Inet6,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "only IPv4, IPv6 or unspecified"),
    };

    public static int AddressLength(AddressFamily family) => family == AddressFamily.InterNetwork ? 4 : 16;

    public static int MaxPrefixLength(AddressFamily family) => AddressLength(family) * 8;

    public static IPAddress Any(AddressFamily family) =>
        family == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any;

    /// <summary>Rejects an address of the wrong family before it reaches the kernel.</summary>
    public static void Require(IPAddress? address, AddressFamily family, string name)
    {
        if (address is not null && address.AddressFamily != family)
        {
            throw new ArgumentException($"{name} {address} is not {family}", name);
        }
    }
}
