namespace EniAgent.Netlink;

public sealed record NetlinkRouteEvent(NetlinkEventKind Kind, NetlinkRoute Route) : NetlinkEvent(Kind);
