namespace EniAgent.Netlink;

/// <summary>RT_SCOPE_* values for routes and addresses.</summary>
public enum NetlinkScope : byte
{
    Universe = 0,
    Site = 200,
    Link = 253,
    Host = 254,
    Nowhere = 255,
}
