namespace EniAgent.Netlink;

/// <summary>IFA_F_* address flags (the 32-bit IFA_FLAGS attribute).</summary>
[Flags]
public enum NetlinkAddressFlags : uint
{
    None = 0,
    Secondary = 0x1,
    NoDad = 0x2,
    Optimistic = 0x4,
    DadFailed = 0x8,
    HomeAddress = 0x10,
    Deprecated = 0x20,
    Tentative = 0x40,
    Permanent = 0x80,
    ManageTemporaryAddress = 0x100,
    NoPrefixRoute = 0x200,
    MulticastAutoJoin = 0x400,
    StablePrivacy = 0x800,
}
