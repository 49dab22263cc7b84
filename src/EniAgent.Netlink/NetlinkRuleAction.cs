namespace EniAgent.Netlink;

/// <summary>FR_ACT_* rule actions.</summary>
public enum NetlinkRuleAction : byte
{
    Unspecified = 0,
    ToTable = 1,
    Goto = 2,
    Nop = 3,
    Blackhole = 6,
    Unreachable = 7,
    Prohibit = 8,
}
