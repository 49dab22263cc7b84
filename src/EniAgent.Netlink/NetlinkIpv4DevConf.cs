using System.Globalization;

namespace EniAgent.Netlink;

/// <summary>
/// A link's IPv4 settings as RTM_NEWLINK reports them (IFLA_AF_SPEC / AF_INET / IFLA_INET_CONF: one u32 per
/// IPV4_DEVCONF_* id, in id order). These are the link's own values; the kernel combines some of them with
/// <c>conf/all</c> when it uses them (arp_ignore, arp_announce and rp_filter take the larger of the two).
/// </summary>
public sealed class NetlinkIpv4DevConf : IEquatable<NetlinkIpv4DevConf>
{
    private readonly uint[] _values;

    /// <summary><paramref name="values"/>[0] is id 1 (forwarding), as the kernel lays them out.</summary>
    public NetlinkIpv4DevConf(IReadOnlyList<uint> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = [.. values];
    }

    /// <summary>How many ids the kernel reported (its IPV4_DEVCONF_MAX).</summary>
    public int Count => _values.Length;

    /// <summary>The value of <paramref name="id"/>, or null when the kernel did not report that id.</summary>
    public uint? this[NetlinkIpv4DevConfId id] => (int)id >= 1 && (int)id <= _values.Length ? _values[(int)id - 1] : null;

    public bool Equals(NetlinkIpv4DevConf? other) => other is not null && _values.AsSpan().SequenceEqual(other._values);

    public override bool Equals(object? obj) => Equals(obj as NetlinkIpv4DevConf);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_values.AsSpan()));
        return hash.ToHashCode();
    }

    public override string ToString() =>
        string.Join(' ', _values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{((NetlinkIpv4DevConfId)(i + 1)).SysctlName()} {v}")));
}
