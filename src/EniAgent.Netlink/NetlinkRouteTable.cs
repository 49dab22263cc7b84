namespace EniAgent.Netlink;

/// <summary>Well-known routing table ids (RT_TABLE_*). Any id up to 2^32-1 is valid.</summary>
public static class NetlinkRouteTable
{
    public const uint Unspecified = 0;
    public const uint Default = 253;
    public const uint Main = 254;
    public const uint Local = 255;
}
