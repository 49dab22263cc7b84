namespace EniAgent.Netlink.Protocol;

/// <summary>
/// Gathers the replies to one dump request across datagrams until NLMSG_DONE, noting NLM_F_DUMP_INTR
/// (the kernel's tables changed mid-dump, so the caller must dump again).
/// </summary>
internal sealed class DumpCollector<T>(uint sequence, NetlinkMessageType replyType, PayloadDecoder<T> decode, string operation)
    where T : class
{
    public List<T> Items { get; } = [];

    public bool IsDone { get; private set; }

    public bool IsInterrupted { get; private set; }

    /// <summary>Takes one received datagram; throws <see cref="NetlinkException"/> if the kernel ended the dump with an error.</summary>
    public void Process(ReadOnlySpan<byte> datagram)
    {
        var reader = new NetlinkMessageReader(datagram);
        while (!IsDone && reader.TryRead(out var message))
        {
            if (message.Sequence != sequence)
            {
                continue; // left over from an earlier request that was cancelled
            }

            if ((message.Flags & NetlinkMessageFlags.DumpInterrupted) != 0)
            {
                IsInterrupted = true;
            }

            if (message.Type is NetlinkMessageType.Done or NetlinkMessageType.Error)
            {
                var ack = NetlinkAck.Decode(message);
                if (!ack.IsSuccess)
                {
                    throw new NetlinkException(operation, ack.ErrorNumber, ack.Message);
                }

                IsDone = true;
            }
            else if (message.Type == replyType && decode(message.Payload) is { } item)
            {
                Items.Add(item);
            }
        }
    }
}
