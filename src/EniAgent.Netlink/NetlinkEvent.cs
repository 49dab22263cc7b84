namespace EniAgent.Netlink;

/// <summary>A change notification from <see cref="NetlinkMonitor"/>; the subtypes carry the object.</summary>
public abstract record NetlinkEvent(NetlinkEventKind Kind);
