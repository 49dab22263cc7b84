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
    private const ushort IflaProtInfo = 12;
    private const ushort IflaLinkInfo = 18;
    private const ushort IflaAfSpec = 26;
    private const ushort IflaPropList = 52;
    private const ushort IflaAltIfName = 53;
    private const ushort IflaInfoKind = 1;
    private const ushort IflaInetConf = 1;
    private const ushort IflaInet6Conf = 2;
    private const int DevconfDisableIpv6 = 26;

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

    /// <summary>
    /// Writes a header and IFLA_AF_SPEC { AF_INET { IFLA_INET_CONF { id: u32, ... } } } changing the given IPv4
    /// settings of a link (RTM_SETLINK). The kernel reports the same settings as a flat u32 array, but takes
    /// them as one attribute per id.
    /// </summary>
    public static void WriteIpv4DevConf(NetlinkMessageWriter writer, int index, IReadOnlyList<KeyValuePair<NetlinkIpv4DevConfId, uint>> values)
    {
        var header = writer.AppendHeader(HeaderSize);
        MemoryMarshal.Write(header[4..], index);
        var afSpec = writer.BeginNested(IflaAfSpec);
        var inet = writer.BeginNested(KernelFamily.Inet);
        var conf = writer.BeginNested(IflaInetConf);
        foreach (var (id, value) in values)
        {
            writer.WriteU32((ushort)id, value);
        }

        writer.EndNested(conf);
        writer.EndNested(inet);
        writer.EndNested(afSpec);
    }

    /// <summary>True for the AF_INET6 flavour of RTM_NEWLINK (RTNLGRP_IPV6_IFINFO): IPv6's view of a link, not the link itself.</summary>
    public static bool IsIpv6Info(ReadOnlySpan<byte> payload) => payload.Length >= HeaderSize && payload[0] == KernelFamily.Inet6;

    /// <summary>
    /// Reads an AF_INET6 RTM_NEWLINK: ifinfomsg, then IFLA_PROTINFO { IFLA_INET6_FLAGS, IFLA_INET6_CONF, ... }
    /// among the usual IFLA_IFNAME/IFLA_ADDRESS. The kernel sends it when IPv6 starts on a link (disable_ipv6
    /// set back to 0) and on router advertisements; nothing like it comes when IPv6 is disabled.
    /// </summary>
    public static NetlinkLinkIpv6Event DecodeIpv6Info(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < HeaderSize)
        {
            throw new NetlinkDecodeException($"ifinfomsg: {payload.Length} bytes, expected {HeaderSize}");
        }

        var index = MemoryMarshal.Read<int>(payload[4..]);
        var ipv6 = NetlinkLinkIpv6.NotReported;
        var attributes = new AttributeReader(payload[HeaderSize..]);
        while (attributes.TryRead(out var type, out var value))
        {
            if (type == IflaProtInfo)
            {
                ipv6 = ReadInet6Conf(value);
            }
        }

        return new NetlinkLinkIpv6Event(index, ipv6);
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
        NetlinkIpv4DevConf? ipv4 = null;
        var ipv6 = NetlinkLinkIpv6.NotReported;

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
                case IflaAfSpec:
                    ipv4 = ReadIpv4DevConf(value);
                    ipv6 = ReadIpv6State(value);
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
            altNames is null ? [] : altNames.ToArray())
        {
            Ipv4DevConf = ipv4,
            Ipv6 = ipv6,
        };
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

    /// <summary>AF_INET's IFLA_INET_CONF inside IFLA_AF_SPEC; null when the link has no IPv4 (no in_device).</summary>
    private static NetlinkIpv4DevConf? ReadIpv4DevConf(ReadOnlySpan<byte> afSpec)
    {
        var families = new AttributeReader(afSpec);
        while (families.TryRead(out var family, out var familyValue))
        {
            if (family != KernelFamily.Inet)
            {
                continue;
            }

            var inet = new AttributeReader(familyValue);
            while (inet.TryRead(out var type, out var value))
            {
                if (type == IflaInetConf)
                {
                    if (value.Length % 4 != 0)
                    {
                        throw new NetlinkDecodeException($"IFLA_INET_CONF: {value.Length} bytes, not a u32 array");
                    }

                    return new NetlinkIpv4DevConf(MemoryMarshal.Cast<byte, uint>(value).ToArray());
                }
            }
        }

        return null;
    }

    /// <summary>AF_INET6 inside IFLA_AF_SPEC: absent when the link has no inet6_dev; IFLA_INET6_CONF is an s32 per DEVCONF_* id.</summary>
    private static NetlinkLinkIpv6 ReadIpv6State(ReadOnlySpan<byte> afSpec)
    {
        var families = new AttributeReader(afSpec);
        while (families.TryRead(out var family, out var familyValue))
        {
            if (family != KernelFamily.Inet6)
            {
                continue;
            }

            return ReadInet6Conf(familyValue);
        }

        return NetlinkLinkIpv6.Absent;
    }

    /// <summary>The IFLA_INET6_* attributes (AF_INET6 of IFLA_AF_SPEC, or IFLA_PROTINFO): IFLA_INET6_CONF is an s32 per DEVCONF_* id.</summary>
    private static NetlinkLinkIpv6 ReadInet6Conf(ReadOnlySpan<byte> inet6Attributes)
    {
        var inet6 = new AttributeReader(inet6Attributes);
        while (inet6.TryRead(out var type, out var value))
        {
            if (type == IflaInet6Conf && value.Length >= (DevconfDisableIpv6 + 1) * 4)
            {
                return MemoryMarshal.Read<int>(value[(DevconfDisableIpv6 * 4)..]) != 0 ? NetlinkLinkIpv6.Disabled : NetlinkLinkIpv6.Enabled;
            }
        }

        return NetlinkLinkIpv6.Enabled;
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
