namespace EniAgent.Netlink.Protocol;

/// <summary>nlmsg_flags. The high byte means different things for GET, NEW and ACK messages, hence the aliases.</summary>
[Flags]
internal enum NetlinkMessageFlags : ushort
{
    None = 0,
    Request = 0x01,
    Multi = 0x02,
    Ack = 0x04,
    Echo = 0x08,
    DumpInterrupted = 0x10,
    DumpFiltered = 0x20,

    // GET requests
    Root = 0x100,
    Match = 0x200,
    Dump = Root | Match,

    // NEW requests
    Replace = 0x100,
    Exclusive = 0x200,
    Create = 0x400,
    Append = 0x800,

    // ACK messages
    Capped = 0x100,
    AckTlvs = 0x200,
}
