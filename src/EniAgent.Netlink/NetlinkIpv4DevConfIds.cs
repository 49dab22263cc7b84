namespace EniAgent.Netlink;

/// <summary>Names of <see cref="NetlinkIpv4DevConfId"/> values as sysctl spells them, for messages and logs.</summary>
public static class NetlinkIpv4DevConfIds
{
    /// <summary>The highest id this library knows; newer kernels may report more (they are kept, unnamed).</summary>
    public const NetlinkIpv4DevConfId MaxKnown = NetlinkIpv4DevConfId.ArpEvictNocarrier;

    private static readonly string[] Names =
    [
        "", "forwarding", "mc_forwarding", "proxy_arp", "accept_redirects", "secure_redirects", "send_redirects",
        "shared_media", "rp_filter", "accept_source_route", "bootp_relay", "log_martians", "tag", "arp_filter",
        "medium_id", "disable_xfrm", "disable_policy", "force_igmp_version", "arp_announce", "arp_ignore",
        "promote_secondaries", "arp_accept", "arp_notify", "accept_local", "src_valid_mark", "proxy_arp_pvlan",
        "route_localnet", "igmpv2_unsolicited_report_interval", "igmpv3_unsolicited_report_interval",
        "ignore_routes_with_linkdown", "drop_unicast_in_l2_multicast", "drop_gratuitous_arp", "bc_forwarding",
        "arp_evict_nocarrier",
    ];

    public static bool IsKnown(NetlinkIpv4DevConfId id) => id is >= NetlinkIpv4DevConfId.Forwarding and <= MaxKnown;

    /// <summary>The sysctl name (<c>arp_ignore</c>), or <c>devconf#N</c> for an id this library does not know.</summary>
    public static string SysctlName(this NetlinkIpv4DevConfId id) =>
        IsKnown(id) ? Names[(int)id] : $"devconf#{(int)id}";
}
