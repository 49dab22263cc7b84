namespace EniAgent.Netlink.Protocol;

/// <summary>nlmsg_type values: the control messages and the rtnetlink ones this library speaks.</summary>
internal enum NetlinkMessageType : ushort
{
    Noop = 1,
    Error = 2,
    Done = 3,
    Overrun = 4,
    NewLink = 16,
    DelLink = 17,
    GetLink = 18,
    SetLink = 19,
    NewAddress = 20,
    DelAddress = 21,
    GetAddress = 22,
    NewRoute = 24,
    DelRoute = 25,
    GetRoute = 26,
    NewRule = 32,
    DelRule = 33,
    GetRule = 34,
}
