using EniAgent.Netlink.Protocol;

namespace EniAgent.Netlink.Codecs;

/// <summary>Turns multicast notifications into typed events.</summary>
internal static class EventDecoder
{
    /// <summary>Appends the events of one datagram to <paramref name="events"/>; messages of other types or families are skipped.</summary>
    public static void DecodeAll(ReadOnlySpan<byte> datagram, List<NetlinkEvent> events)
    {
        var reader = new NetlinkMessageReader(datagram);
        while (reader.TryRead(out var message))
        {
            if (Decode(message) is { } decoded)
            {
                events.Add(decoded);
            }
        }
    }

    public static NetlinkEvent? Decode(in NetlinkMessage message)
    {
        var payload = message.Payload;
        return message.Type switch
        {
            NetlinkMessageType.NewLink when LinkCodec.IsIpv6Info(payload) => LinkCodec.DecodeIpv6Info(payload),
            NetlinkMessageType.NewLink => new NetlinkLinkEvent(NetlinkEventKind.New, LinkCodec.Decode(payload)),
            NetlinkMessageType.DelLink => new NetlinkLinkEvent(NetlinkEventKind.Delete, LinkCodec.Decode(payload)),
            NetlinkMessageType.NewAddress => Address(NetlinkEventKind.New, AddressCodec.Decode(payload)),
            NetlinkMessageType.DelAddress => Address(NetlinkEventKind.Delete, AddressCodec.Decode(payload)),
            NetlinkMessageType.NewRoute => Route(NetlinkEventKind.New, RouteCodec.Decode(payload)),
            NetlinkMessageType.DelRoute => Route(NetlinkEventKind.Delete, RouteCodec.Decode(payload)),
            NetlinkMessageType.NewRule => Rule(NetlinkEventKind.New, RuleCodec.Decode(payload)),
            NetlinkMessageType.DelRule => Rule(NetlinkEventKind.Delete, RuleCodec.Decode(payload)),
            _ => null,
        };
    }

    private static NetlinkAddressEvent? Address(NetlinkEventKind kind, NetlinkAddress? address) =>
        address is null ? null : new(kind, address);

    private static NetlinkRouteEvent? Route(NetlinkEventKind kind, NetlinkRoute? route) =>
        route is null ? null : new(kind, route);

    private static NetlinkRuleEvent? Rule(NetlinkEventKind kind, NetlinkRule? rule) =>
        rule is null ? null : new(kind, rule);
}
