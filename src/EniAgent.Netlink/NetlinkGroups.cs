namespace EniAgent.Netlink;

/// <summary>The rtnetlink multicast groups <see cref="NetlinkMonitor"/> can join.</summary>
[Flags]
public enum NetlinkGroups
{
    None = 0,
    Link = 1 << 0,
    Ipv4Address = 1 << 1,
    Ipv6Address = 1 << 2,
    Ipv4Route = 1 << 3,
    Ipv6Route = 1 << 4,
    Ipv4Rule = 1 << 5,
    Ipv6Rule = 1 << 6,

    /// <summary>RTM_NEWLINK with family AF_INET6: sent when IPv6 comes up on a link (disable_ipv6 back to 0), among others.</summary>
    Ipv6LinkInfo = 1 << 7,
    All = Link | Ipv4Address | Ipv6Address | Ipv4Route | Ipv6Route | Ipv4Rule | Ipv6Rule | Ipv6LinkInfo,
}
