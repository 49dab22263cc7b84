namespace EniAgent.Netlink;

/// <summary>Events were lost; whatever the listener keeps must be rebuilt from a fresh dump.</summary>
public sealed record NetlinkOverrunEvent() : NetlinkEvent(NetlinkEventKind.Overrun)
{
    public static NetlinkOverrunEvent Instance { get; } = new();
}
