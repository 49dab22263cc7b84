using System.Net;
using System.Runtime.InteropServices;
using EniAgent.Netlink.Protocol;

namespace EniAgent.Netlink.Codecs;

/// <summary>RTM_*RULE messages: struct fib_rule_hdr followed by FRA_* attributes.</summary>
internal static class RuleCodec
{
    public const int HeaderSize = 12;

    private const ushort FraDst = 1;
    private const ushort FraSrc = 2;
    private const ushort FraIifName = 3;
    private const ushort FraPriority = 6;
    private const ushort FraFwMark = 10;
    private const ushort FraSuppressPrefixLen = 14;
    private const ushort FraTable = 15;
    private const ushort FraFwMask = 16;
    private const ushort FraProtocol = 21;

    /// <summary>Writes every field, so that a delete matches only the exact rule.</summary>
    public static void Write(NetlinkMessageWriter writer, NetlinkRule rule)
    {
        KernelFamily.Require(rule.Source?.BaseAddress, rule.Family, nameof(rule.Source));
        KernelFamily.Require(rule.Destination?.BaseAddress, rule.Family, nameof(rule.Destination));

        var header = writer.AppendHeader(HeaderSize);
        header[0] = KernelFamily.FromAddressFamily(rule.Family);
        header[1] = (byte)(rule.Destination?.PrefixLength ?? 0);
        header[2] = (byte)(rule.Source?.PrefixLength ?? 0);
        header[4] = rule.Table <= byte.MaxValue ? (byte)rule.Table : (byte)NetlinkRouteTable.Unspecified;
        header[7] = (byte)rule.Action;

        writer.WriteU32(FraPriority, rule.Priority);
        writer.WriteU32(FraTable, rule.Table);
        writer.WriteU8(FraProtocol, (byte)rule.Protocol);
        if (rule.Source is { PrefixLength: > 0 } source)
        {
            writer.WriteAddress(FraSrc, source.BaseAddress);
        }

        if (rule.Destination is { PrefixLength: > 0 } destination)
        {
            writer.WriteAddress(FraDst, destination.BaseAddress);
        }

        if (rule.SuppressPrefixLength is { } suppress)
        {
            writer.WriteU32(FraSuppressPrefixLen, (uint)suppress);
        }

        if (rule.InputInterface is not null)
        {
            writer.WriteString(FraIifName, rule.InputInterface);
        }

        if (rule.FirewallMark is { } mark)
        {
            writer.WriteU32(FraFwMark, mark);
        }

        if (rule.FirewallMask is { } mask)
        {
            writer.WriteU32(FraFwMask, mask);
        }
    }

    /// <summary>Decodes a rule, or returns null for a family other than IPv4/IPv6 (e.g. multicast routing rules).</summary>
    public static NetlinkRule? Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < HeaderSize)
        {
            throw new NetlinkDecodeException($"fib_rule_hdr: {payload.Length} bytes, expected {HeaderSize}");
        }

        if (KernelFamily.ToAddressFamily(payload[0]) is not { } family)
        {
            return null;
        }

        var destinationLength = AttributeValues.PrefixLength(payload[1], family, "dst_len");
        var sourceLength = AttributeValues.PrefixLength(payload[2], family, "src_len");
        uint table = payload[4];
        uint priority = 0;
        IPAddress? source = null;
        IPAddress? destination = null;
        var protocol = NetlinkRouteProtocol.Unspecified;
        int? suppress = null;
        string? iif = null;
        uint? mark = null;
        uint? mask = null;

        var attributes = new AttributeReader(payload[HeaderSize..]);
        while (attributes.TryRead(out var type, out var value))
        {
            switch (type)
            {
                case FraDst:
                    destination = AttributeValues.Address(value, family, "FRA_DST");
                    break;
                case FraSrc:
                    source = AttributeValues.Address(value, family, "FRA_SRC");
                    break;
                case FraIifName:
                    iif = AttributeValues.String(value);
                    break;
                case FraPriority:
                    priority = AttributeValues.U32(value, "FRA_PRIORITY");
                    break;
                case FraFwMark:
                    mark = AttributeValues.U32(value, "FRA_FWMARK");
                    break;
                case FraFwMask:
                    mask = AttributeValues.U32(value, "FRA_FWMASK");
                    break;
                case FraSuppressPrefixLen:
                    // Newer kernels always send it, with -1 meaning "not set".
                    var length = AttributeValues.I32(value, "FRA_SUPPRESS_PREFIXLEN");
                    suppress = length < 0 ? null : length;
                    break;
                case FraTable:
                    table = AttributeValues.U32(value, "FRA_TABLE");
                    break;
                case FraProtocol:
                    protocol = (NetlinkRouteProtocol)AttributeValues.U8(value, "FRA_PROTOCOL");
                    break;
                default:
                    break;
            }
        }

        return new NetlinkRule
        {
            Family = family,
            Priority = priority,
            // A zero-length selector matches everything: report it as absent, as ip rule does.
            Source = sourceLength == 0 ? null : AttributeValues.Network(source, sourceLength, family, "FRA_SRC"),
            Destination = destinationLength == 0 ? null : AttributeValues.Network(destination, destinationLength, family, "FRA_DST"),
            Table = table,
            Protocol = protocol,
            SuppressPrefixLength = suppress,
            Action = (NetlinkRuleAction)payload[7],
            InputInterface = iif,
            FirewallMark = mark,
            FirewallMask = mask,
        };
    }
}
