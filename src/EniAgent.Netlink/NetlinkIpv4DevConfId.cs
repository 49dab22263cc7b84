namespace EniAgent.Netlink;

/// <summary>
/// IPV4_DEVCONF_* ids (include/uapi/linux/ip.h): the per-link IPv4 settings shown under
/// <c>/proc/sys/net/ipv4/conf/IFNAME/</c>. They index IFLA_AF_SPEC / AF_INET / IFLA_INET_CONF.
/// </summary>
public enum NetlinkIpv4DevConfId : ushort
{
    Forwarding = 1,
    MulticastForwarding = 2,
    ProxyArp = 3,
    AcceptRedirects = 4,
    SecureRedirects = 5,
    SendRedirects = 6,
    SharedMedia = 7,
    RpFilter = 8,
    AcceptSourceRoute = 9,
    BootpRelay = 10,
    LogMartians = 11,
    Tag = 12,
    ArpFilter = 13,
    MediumId = 14,
    NoXfrm = 15,
    NoPolicy = 16,
    ForceIgmpVersion = 17,
    ArpAnnounce = 18,
    ArpIgnore = 19,
    PromoteSecondaries = 20,
    ArpAccept = 21,
    ArpNotify = 22,
    AcceptLocal = 23,
    SrcValidMark = 24,
    ProxyArpPvlan = 25,
    RouteLocalnet = 26,
    Igmpv2UnsolicitedReportInterval = 27,
    Igmpv3UnsolicitedReportInterval = 28,
    IgnoreRoutesWithLinkdown = 29,
    DropUnicastInL2Multicast = 30,
    DropGratuitousArp = 31,
    BcForwarding = 32,
    ArpEvictNocarrier = 33,
}
