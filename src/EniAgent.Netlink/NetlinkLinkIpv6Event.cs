namespace EniAgent.Netlink;

/// <summary>
/// IPv6's own RTM_NEWLINK (family AF_INET6, group RTNLGRP_IPV6_IFINFO) for link <paramref name="LinkIndex"/>:
/// carries its IPv6 state, notably when disable_ipv6 goes back to 0, which no AF_UNSPEC link message reports.
/// </summary>
public sealed record NetlinkLinkIpv6Event(int LinkIndex, NetlinkLinkIpv6 Ipv6) : NetlinkEvent(NetlinkEventKind.New);
