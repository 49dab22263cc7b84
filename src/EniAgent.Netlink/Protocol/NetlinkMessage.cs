namespace EniAgent.Netlink.Protocol;

/// <summary>One message of a datagram: the decoded nlmsghdr and a view of its payload.</summary>
internal readonly ref struct NetlinkMessage(
    NetlinkMessageType type,
    NetlinkMessageFlags flags,
    uint sequence,
    uint portId,
    ReadOnlySpan<byte> payload)
{
    public NetlinkMessageType Type { get; } = type;

    public NetlinkMessageFlags Flags { get; } = flags;

    public uint Sequence { get; } = sequence;

    public uint PortId { get; } = portId;

    public ReadOnlySpan<byte> Payload { get; } = payload;
}
