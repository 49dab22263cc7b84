namespace EniAgent.Netlink;

public sealed record NetlinkAddressEvent(NetlinkEventKind Kind, NetlinkAddress Address) : NetlinkEvent(Kind);
