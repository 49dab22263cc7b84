namespace EniAgent.TestKit.Topology;

/// <summary>Packet and byte counters of a link (<c>ip -j -s link</c>); subtract two readings to see what went through it.</summary>
public sealed record LinkCounters(string Link, long RxPackets, long RxBytes, long TxPackets, long TxBytes)
{
    public static LinkCounters operator -(LinkCounters after, LinkCounters before)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(before);
        return new LinkCounters(after.Link, after.RxPackets - before.RxPackets, after.RxBytes - before.RxBytes, after.TxPackets - before.TxPackets, after.TxBytes - before.TxBytes);
    }

    public static LinkCounters Subtract(LinkCounters after, LinkCounters before) => after - before;

    public override string ToString() => $"{Link}: rx {RxPackets} pkts/{RxBytes} B, tx {TxPackets} pkts/{TxBytes} B";
}
