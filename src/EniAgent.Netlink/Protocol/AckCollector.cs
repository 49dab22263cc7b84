namespace EniAgent.Netlink.Protocol;

/// <summary>Matches the ACKs of a batch to its requests by sequence number.</summary>
internal static class AckCollector
{
    /// <summary>
    /// Records a result for each ACK in <paramref name="datagram"/> answering requests
    /// <paramref name="start"/>..<paramref name="end"/> (sent with sequence numbers from <paramref name="firstSequence"/>).
    /// Returns how many results it filled.
    /// </summary>
    public static int Collect(
        ReadOnlySpan<byte> datagram,
        uint firstSequence,
        IReadOnlyList<NetlinkRequest> requests,
        int start,
        int end,
        NetlinkResult?[] results)
    {
        var filled = 0;
        var reader = new NetlinkMessageReader(datagram);
        while (reader.TryRead(out var message))
        {
            var offset = message.Sequence - firstSequence; // wraps like the sequence numbers do
            if (message.Type != NetlinkMessageType.Error || offset >= (uint)(end - start))
            {
                continue;
            }

            var index = start + (int)offset;
            if (results[index] is not null)
            {
                continue;
            }

            var ack = NetlinkAck.Decode(message);
            var request = requests[index];
            results[index] = new NetlinkResult(
                request,
                ack.IsSuccess ? null : new NetlinkException(request.ToString(), ack.ErrorNumber, ack.Message));
            filled++;
        }

        return filled;
    }
}
