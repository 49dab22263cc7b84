using System.Net;
using System.Net.Sockets;
using CsCheck;

namespace EniAgent.Netlink.Tests.Properties;

/// <summary>Random but valid netlink objects for round-trip properties.</summary>
internal static class Generators
{
    public static readonly Gen<AddressFamily> Family = Gen.OneOf(AddressFamily.InterNetwork, AddressFamily.InterNetworkV6);

    public static readonly Gen<string> Name = Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789.-_"].Array[1, 15].Select(c => new string(c));

    public static Gen<IPAddress> Address(AddressFamily family) =>
        Gen.Byte.Array[family == AddressFamily.InterNetwork ? 4 : 16].Select(b => new IPAddress(b));

    public static Gen<IPNetwork> Network(AddressFamily family, int minPrefix) =>
        Gen.Select(Address(family), Gen.Int[minPrefix, family == AddressFamily.InterNetwork ? 32 : 128], Masked);

    public static readonly Gen<NetlinkAddress> NetlinkAddress =
        Family.SelectMany(family => Gen.Select(
            Gen.Int[1, int.MaxValue],
            Address(family),
            Gen.Int[0, family == AddressFamily.InterNetwork ? 32 : 128],
            Gen.UInt,
            Gen.Byte,
            Name.Null(),
            (index, address, prefix, flags, scope, label) => new NetlinkAddress
            {
                LinkIndex = index,
                Address = address,
                PrefixLength = prefix,
                Flags = (NetlinkAddressFlags)flags,
                Scope = (NetlinkScope)scope,
                Label = label,
            }));

    public static readonly Gen<NetlinkRoute> Route =
        Family.SelectMany(family => Gen.Select(
            Network(family, 0),
            Gen.UInt,
            Address(family).Null(),
            Gen.Int[1, int.MaxValue].Nullable(),
            Address(family).Null(),
            Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte),
            Gen.UInt.Nullable(),
            Gen.Bool,
            (destination, table, gateway, oif, source, kinds, priority, onLink) => new NetlinkRoute
            {
                Destination = destination,
                Table = table,
                Gateway = gateway,
                OutputLinkIndex = oif,
                PreferredSource = source,
                Protocol = (NetlinkRouteProtocol)kinds.Item1,
                Scope = (NetlinkScope)kinds.Item2,
                Type = (NetlinkRouteType)kinds.Item3,
                Priority = priority,
                Flags = onLink ? NetlinkRouteFlags.OnLink : NetlinkRouteFlags.None,
            }));

    public static readonly Gen<NetlinkRule> Rule =
        Family.SelectMany(family => Gen.Select(
            Gen.UInt,
            Network(family, 1).Nullable(),
            Network(family, 1).Nullable(),
            Gen.UInt,
            Gen.Select(Gen.Byte, Gen.Byte),
            Gen.Int[0, 128].Nullable(),
            Name.Null(),
            Gen.Select(Gen.UInt.Nullable(), Gen.UInt.Nullable()),
            (priority, source, destination, table, kinds, suppress, iif, marks) => new NetlinkRule
            {
                Family = family,
                Priority = priority,
                Source = source,
                Destination = destination,
                Table = table,
                Protocol = (NetlinkRouteProtocol)kinds.Item1,
                Action = (NetlinkRuleAction)kinds.Item2,
                SuppressPrefixLength = suppress,
                InputInterface = iif,
                FirewallMark = marks.Item1,
                FirewallMask = marks.Item2,
            }));

    private static IPNetwork Masked(IPAddress address, int prefixLength)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] &= (byte)(0xFF << (8 - Math.Clamp(prefixLength - (i * 8), 0, 8)));
        }

        return new IPNetwork(new IPAddress(bytes), prefixLength);
    }
}
