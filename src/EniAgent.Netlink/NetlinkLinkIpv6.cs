namespace EniAgent.Netlink;

/// <summary>Whether a link has IPv6, as RTM_NEWLINK reports it in IFLA_AF_SPEC.</summary>
public enum NetlinkLinkIpv6
{
    /// <summary>The message carries no IFLA_AF_SPEC at all, so it tells nothing.</summary>
    NotReported,

    /// <summary>IFLA_AF_SPEC has no AF_INET6 part: the link has no IPv6 (kernel booted with ipv6.disable=1, no IPv6 module, or an MTU below 1280).</summary>
    Absent,

    /// <summary>AF_INET6 is there and its IFLA_INET6_CONF has disable_ipv6 0 (or leaves it out).</summary>
    Enabled,

    /// <summary>disable_ipv6 is 1 on the link (<c>net.ipv6.conf.IFNAME.disable_ipv6</c>; writing <c>conf.all</c> sets every link).</summary>
    Disabled,
}
