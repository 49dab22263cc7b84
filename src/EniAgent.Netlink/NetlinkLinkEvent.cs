namespace EniAgent.Netlink;

public sealed record NetlinkLinkEvent(NetlinkEventKind Kind, NetlinkLink Link) : NetlinkEvent(Kind);
