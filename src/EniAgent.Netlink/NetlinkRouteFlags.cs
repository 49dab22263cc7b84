namespace EniAgent.Netlink;

/// <summary>rtm_flags: next-hop flags (RTNH_F_*) in the low byte, RTM_F_* above.</summary>
[Flags]
public enum NetlinkRouteFlags : uint
{
    None = 0,
    Dead = 0x1,
    Pervasive = 0x2,

    /// <summary>The gateway is on the link even if no address's subnet says so (<c>ip route ... onlink</c>).</summary>
    OnLink = 0x4,
    Offload = 0x8,
    LinkDown = 0x10,
    Unresolved = 0x20,
    Trap = 0x40,
    Notify = 0x100,
    Cloned = 0x200,
}
