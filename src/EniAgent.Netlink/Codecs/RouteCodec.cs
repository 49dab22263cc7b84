using System.Net;
using System.Runtime.InteropServices;
using EniAgent.Netlink.Protocol;

namespace EniAgent.Netlink.Codecs;

/// <summary>RTM_*ROUTE messages: struct rtmsg followed by RTA_* attributes.</summary>
internal static class RouteCodec
{
    public const int HeaderSize = 12;

    private const ushort RtaDst = 1;
    private const ushort RtaOif = 4;
    private const ushort RtaGateway = 5;
    private const ushort RtaPriority = 6;
    private const ushort RtaPrefSrc = 7;
    private const ushort RtaTable = 15;

    public static void Write(NetlinkMessageWriter writer, NetlinkRoute route)
    {
        var family = route.Family;
        KernelFamily.Require(route.Gateway, family, nameof(route.Gateway));
        KernelFamily.Require(route.PreferredSource, family, nameof(route.PreferredSource));

        var header = writer.AppendHeader(HeaderSize);
        header[0] = KernelFamily.FromAddressFamily(family);
        header[1] = (byte)route.Destination.PrefixLength;
        header[4] = route.Table <= byte.MaxValue ? (byte)route.Table : (byte)NetlinkRouteTable.Unspecified;
        header[5] = (byte)route.Protocol;
        header[6] = (byte)route.Scope;
        header[7] = (byte)route.Type;
        // The kernel rejects the flags it sets itself (dead, linkdown...); onlink is the only one to pass on.
        MemoryMarshal.Write(header[8..], (uint)(route.Flags & NetlinkRouteFlags.OnLink));

        writer.WriteU32(RtaTable, route.Table);
        if (route.Destination.PrefixLength > 0)
        {
            writer.WriteAddress(RtaDst, route.Destination.BaseAddress);
        }

        if (route.Gateway is not null)
        {
            writer.WriteAddress(RtaGateway, route.Gateway);
        }

        if (route.OutputLinkIndex is { } oif)
        {
            writer.WriteU32(RtaOif, (uint)oif);
        }

        if (route.PreferredSource is not null)
        {
            writer.WriteAddress(RtaPrefSrc, route.PreferredSource);
        }

        if (route.Priority is { } priority)
        {
            writer.WriteU32(RtaPriority, priority);
        }
    }

    /// <summary>Decodes a route, or returns null for a family other than IPv4/IPv6 (MPLS, multicast routing...).</summary>
    public static NetlinkRoute? Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < HeaderSize)
        {
            throw new NetlinkDecodeException($"rtmsg: {payload.Length} bytes, expected {HeaderSize}");
        }

        if (KernelFamily.ToAddressFamily(payload[0]) is not { } family)
        {
            return null;
        }

        var prefixLength = AttributeValues.PrefixLength(payload[1], family, "rtm_dst_len");
        uint table = payload[4];
        IPAddress? destination = null;
        IPAddress? gateway = null;
        IPAddress? source = null;
        int? oif = null;
        uint? priority = null;

        var attributes = new AttributeReader(payload[HeaderSize..]);
        while (attributes.TryRead(out var type, out var value))
        {
            switch (type)
            {
                case RtaDst:
                    destination = AttributeValues.Address(value, family, "RTA_DST");
                    break;
                case RtaGateway:
                    gateway = AttributeValues.Address(value, family, "RTA_GATEWAY");
                    break;
                case RtaPrefSrc:
                    source = AttributeValues.Address(value, family, "RTA_PREFSRC");
                    break;
                case RtaOif:
                    oif = AttributeValues.I32(value, "RTA_OIF");
                    break;
                case RtaPriority:
                    priority = AttributeValues.U32(value, "RTA_PRIORITY");
                    break;
                case RtaTable:
                    table = AttributeValues.U32(value, "RTA_TABLE");
                    break;
                default:
                    break;
            }
        }

        return new NetlinkRoute
        {
            Destination = AttributeValues.Network(destination, prefixLength, family, "RTA_DST"),
            Table = table,
            Gateway = gateway,
            OutputLinkIndex = oif,
            PreferredSource = source,
            Protocol = (NetlinkRouteProtocol)payload[5],
            Scope = (NetlinkScope)payload[6],
            Type = (NetlinkRouteType)payload[7],
            Priority = priority,
            Flags = (NetlinkRouteFlags)MemoryMarshal.Read<uint>(payload[8..]),
        };
    }
}
