namespace EniAgent.Netlink;

public sealed record NetlinkRuleEvent(NetlinkEventKind Kind, NetlinkRule Rule) : NetlinkEvent(Kind);
