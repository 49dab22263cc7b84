using System.Globalization;
using EniAgent.Netlink.Codecs;
using EniAgent.Netlink.Protocol;

namespace EniAgent.Netlink;

/// <summary>
/// One change for the kernel (add a route, delete a rule, set a link up...). Run one with
/// <see cref="RtnlConnection.ExecuteAsync(NetlinkRequest, CancellationToken)"/> or many in one datagram with
/// <see cref="RtnlConnection.ExecuteAsync(IReadOnlyList{NetlinkRequest}, CancellationToken)"/>.
/// </summary>
public sealed class NetlinkRequest
{
    private const NetlinkMessageFlags AddFlags = NetlinkMessageFlags.Create | NetlinkMessageFlags.Exclusive;
    private const NetlinkMessageFlags ReplaceFlags = NetlinkMessageFlags.Create | NetlinkMessageFlags.Replace;

    private readonly NetlinkMessageType _type;
    private readonly NetlinkMessageFlags _flags;
    private readonly byte[] _body;

    // The body is encoded up front so that a bad argument throws here, not halfway through a batch.
    private NetlinkRequest(string verb, object target, NetlinkMessageType type, NetlinkMessageFlags flags, Action<NetlinkMessageWriter> writeBody)
    {
        Verb = verb;
        Target = target;
        _type = type;
        _flags = flags;
        var writer = new NetlinkMessageWriter(128);
        writeBody(writer);
        _body = writer.WrittenSpan.ToArray();
    }

    /// <summary>What the request does, e.g. <c>add route</c>.</summary>
    public string Verb { get; }

    /// <summary>The object it acts on: a <see cref="NetlinkRoute"/>, <see cref="NetlinkRule"/>, <see cref="NetlinkAddress"/> or a link description.</summary>
    public object Target { get; }

    public static NetlinkRequest SetLinkUp(int linkIndex, bool up) =>
        new("set link", Link(linkIndex, up ? "up" : "down"), NetlinkMessageType.NewLink, NetlinkMessageFlags.None, w => LinkCodec.WriteChange(w, linkIndex, up, null));

    public static NetlinkRequest SetLinkMtu(int linkIndex, int mtu)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mtu);
        return new("set link", Link(linkIndex, $"mtu {mtu}"), NetlinkMessageType.NewLink, NetlinkMessageFlags.None, w => LinkCodec.WriteChange(w, linkIndex, null, mtu));
    }

    /// <summary>
    /// Sets per-link IPv4 settings (what <c>/proc/sys/net/ipv4/conf/IFNAME/*</c> shows) with RTM_SETLINK, so no
    /// write to /proc is needed. Settings not named keep their values. A link without IPv4 fails with EAFNOSUPPORT.
    /// </summary>
    public static NetlinkRequest SetLinkIpv4DevConf(int linkIndex, IReadOnlyDictionary<NetlinkIpv4DevConfId, uint> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("no setting to change", nameof(values));
        }

        foreach (var id in values.Keys)
        {
            if (!NetlinkIpv4DevConfIds.IsKnown(id))
            {
                throw new ArgumentOutOfRangeException(nameof(values), id, "unknown IPV4_DEVCONF id");
            }
        }

        // Id order: deterministic bytes and messages whatever the dictionary's order.
        var ordered = values.OrderBy(v => v.Key).ToArray();
        var change = string.Join(' ', ordered.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key.SysctlName()} {v.Value}")));
        return new("set link", Link(linkIndex, change), NetlinkMessageType.SetLink, NetlinkMessageFlags.None, w => LinkCodec.WriteIpv4DevConf(w, linkIndex, ordered));
    }

    /// <summary>Adds an address; fails with EEXIST if the link has it already.</summary>
    public static NetlinkRequest AddAddress(NetlinkAddress address) =>
        Create("add address", address, NetlinkMessageType.NewAddress, AddFlags, AddressCodec.Write);

    /// <summary>Adds an address or updates its flags and scope if the link has it.</summary>
    public static NetlinkRequest ReplaceAddress(NetlinkAddress address) =>
        Create("replace address", address, NetlinkMessageType.NewAddress, ReplaceFlags, AddressCodec.Write);

    public static NetlinkRequest DeleteAddress(NetlinkAddress address) =>
        Create("delete address", address, NetlinkMessageType.DelAddress, NetlinkMessageFlags.None, AddressCodec.Write);

    /// <summary>Adds a route; fails with EEXIST if one with the same key is there.</summary>
    public static NetlinkRequest AddRoute(NetlinkRoute route) =>
        Create("add route", route, NetlinkMessageType.NewRoute, AddFlags, RouteCodec.Write);

    /// <summary>Adds a route or replaces the one with the same key (destination, table, metric...).</summary>
    public static NetlinkRequest ReplaceRoute(NetlinkRoute route) =>
        Create("replace route", route, NetlinkMessageType.NewRoute, ReplaceFlags, RouteCodec.Write);

    public static NetlinkRequest DeleteRoute(NetlinkRoute route) =>
        Create("delete route", route, NetlinkMessageType.DelRoute, NetlinkMessageFlags.None, RouteCodec.Write);

    /// <summary>Adds a rule; fails with EEXIST if an identical one is there.</summary>
    public static NetlinkRequest AddRule(NetlinkRule rule) =>
        Create("add rule", rule, NetlinkMessageType.NewRule, AddFlags, RuleCodec.Write);

    /// <summary>Deletes the rule matching every field of <paramref name="rule"/>.</summary>
    public static NetlinkRequest DeleteRule(NetlinkRule rule) =>
        Create("delete rule", rule, NetlinkMessageType.DelRule, NetlinkMessageFlags.None, RuleCodec.Write);

    public override string ToString() => $"{Verb} {Target}";

    /// <summary>Appends this request as one message asking for an ACK.</summary>
    internal void Write(NetlinkMessageWriter writer, uint sequence)
    {
        writer.BeginMessage(_type, NetlinkMessageFlags.Request | NetlinkMessageFlags.Ack | _flags, sequence);
        writer.AppendAligned(_body);
        writer.EndMessage();
    }

    private static string Link(int linkIndex, string change) =>
        string.Create(CultureInfo.InvariantCulture, $"#{linkIndex} {change}");

    private static NetlinkRequest Create<T>(string verb, T target, NetlinkMessageType type, NetlinkMessageFlags flags, Action<NetlinkMessageWriter, T> write)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(target);
        return new(verb, target, type, flags, w => write(w, target));
    }
}
