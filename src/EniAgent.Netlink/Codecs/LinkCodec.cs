using System.Net.NetworkInformation;
using System.Runtime.InteropServices;
using EniAgent.Netlink.Protocol;

namespace EniAgent.Netlink.Codecs;

/// <summary>RTM_*LINK messages: struct ifinfomsg followed by IFLA_* attributes.</summary>
internal static class LinkCodec
{
    public const int HeaderSize = 16;

    private const ushort IflaAddress = 1;
    private const ushort IflaIfName = 3;
    private const ushort IflaMtu = 4;
    private const ushort IflaOperState = 16;
    private const ushort IflaLinkInfo = 18;
    private const ushort IflaPropList = 52;
    private const ushort IflaAltIfName = 53;
    private const ushort IflaInfoKind = 1;

    /// <summary>Writes a header and attributes changing a link's admin state and/or MTU (RTM_NEWLINK on an existing index).</summary>
    public static void WriteChange(NetlinkMessageWriter writer, int index, bool? up, int? mtu)
    {
        var header = writer.AppendHeader(HeaderSize);
        MemoryMarshal.Write(header[4..], index);
        if (up is { } isUp)
        {
            MemoryMarshal.Write(header[8..], isUp ? (uint)NetlinkLinkFlags.Up : 0u);
            MemoryMarshal.Write(header[12..], (uint)NetlinkLinkFlags.Up); // ifi_change: only touch IFF_UP
        }

        if (mtu is { } value)
        {
            writer.WriteU32(IflaMtu, (uint)value);
        }
    }

    public static NetlinkLink Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < HeaderSize)
        {
            throw new NetlinkDecodeException($"ifinfomsg: {payload.Length} bytes, expected {HeaderSize}");
        }

        var index = MemoryMarshal.Read<int>(payload[4..]);
        var flags = (NetlinkLinkFlags)MemoryMarshal.Read<uint>(payload[8..]);
        string? name = null;
        string? kind = null;
        var mac = PhysicalAddress.None;
        var mtu = 0;
        var operState = NetlinkOperState.Unknown;
        List<string>? altNames = null;

        var attributes = new AttributeReader(payload[HeaderSize..]);
        while (attributes.TryRead(out var type, out var value))
        {
            switch (type)
            {
                case IflaAddress:
                    mac = new PhysicalAddress(value.ToArray());
                    break;
                case IflaIfName:
                    name = AttributeValues.String(value);
                    break;
                case IflaMtu:
                    mtu = AttributeValues.I32(value, "IFLA_MTU");
                    break;
                case IflaOperState:
                    operState = (NetlinkOperState)AttributeValues.U8(value, "IFLA_OPERSTATE");
                    break;
                case IflaLinkInfo:
                    kind = ReadKind(value);
                    break;
                case IflaPropList:
                    altNames = ReadAltNames(value);
                    break;
                default:
                    break;
            }
        }

        return new NetlinkLink(
            index,
            name ?? throw new NetlinkDecodeException($"link #{index} has no IFLA_IFNAME"),
            mac,
            mtu,
            flags,
            operState,
            kind,
            altNames is null ? [] : altNames.ToArray());
    }

    private static string? ReadKind(ReadOnlySpan<byte> linkInfo)
    {
        var nested = new AttributeReader(linkInfo);
        while (nested.TryRead(out var type, out var value))
        {
            if (type == IflaInfoKind)
            {
                return AttributeValues.String(value);
            }
        }

        return null;
    }

    private static List<string> ReadAltNames(ReadOnlySpan<byte> propList)
    {
        var names = new List<string>();
        var nested = new AttributeReader(propList);
        while (nested.TryRead(out var type, out var value))
        {
            if (type == IflaAltIfName)
            {
                names.Add(AttributeValues.String(value));
            }
        }

        return names;
    }
}
