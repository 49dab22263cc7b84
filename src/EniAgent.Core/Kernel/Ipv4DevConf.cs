namespace EniAgent.Core.Kernel;

/// <summary>
/// The per-link IPv4 settings the agent manages, as the kernel reports them for one link
/// (<c>/proc/sys/net/ipv4/conf/IFNAME/{arp_ignore,arp_announce,promote_secondaries}</c>). These are the link's
/// own values: the kernel uses the larger of the link's and <c>conf/all</c>'s arp_ignore and arp_announce.
/// </summary>
public sealed record Ipv4DevConf(uint ArpIgnore, uint ArpAnnounce, uint PromoteSecondaries);
