namespace EniAgent.Netlink;

/// <summary>
/// RTPROT_* originators of routes and rules. Values from 5 up are free for daemons to tag what they own
/// (the agent uses its own number); any byte value is valid.
/// </summary>
public enum NetlinkRouteProtocol : byte
{
    Unspecified = 0,
    Redirect = 1,
    Kernel = 2,
    Boot = 3,
    Static = 4,
    RouterAdvertisement = 9,
    Dhcp = 16,
}
