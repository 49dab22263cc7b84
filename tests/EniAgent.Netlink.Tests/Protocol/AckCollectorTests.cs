using System.Net;
using EniAgent.Netlink.Protocol;

namespace EniAgent.Netlink.Tests.Protocol;

public sealed class AckCollectorTests
{
    private static readonly NetlinkRequest[] Requests =
    [
        NetlinkRequest.SetLinkUp(3, true),
        NetlinkRequest.AddRoute(new NetlinkRoute
        {
            Destination = IPNetwork.Parse("10.0.0.0/24"),
            Table = 31000,
            Protocol = (NetlinkRouteProtocol)201,
        }),
        NetlinkRequest.SetLinkMtu(3, 9000),
    ];

    [Fact]
    public void Matches_acks_to_requests_by_sequence_in_any_order_and_names_the_failed_one()
    {
        var results = new NetlinkResult?[Requests.Length];

        // Sequences 41..43 answer requests 0..2; 42 (the route) fails with EEXIST.
        var filled = AckCollector.Collect(
            Fixtures.Concat(Ack(43, 0), Fixtures.ErrorAckCapped, Ack(41, 0)), 41, Requests, 0, 3, results);

        Assert.Equal(3, filled);
        Assert.True(results[0]!.Succeeded);
        Assert.True(results[2]!.Succeeded);
        var error = results[1]!.Error!;
        Assert.Equal(Errno.EEXIST, error.Errno);
        Assert.Equal(
            "add route 10.0.0.0/24 table 31000 proto 201: EEXIST (File exists): Route exist",
            error.Message);
    }

    [Fact]
    public void Ignores_foreign_sequences_and_duplicate_acks()
    {
        var results = new NetlinkResult?[Requests.Length];
        var filled = AckCollector.Collect(Fixtures.Concat(Ack(40, 0), Ack(44, 0), Ack(41, 0), Ack(41, -1)), 41, Requests, 0, 3, results);

        Assert.Equal(1, filled);
        Assert.True(results[0]!.Succeeded);
        Assert.Null(results[1]);
    }

    [Fact]
    public void Sequence_numbers_may_wrap_around()
    {
        var results = new NetlinkResult?[Requests.Length];
        var filled = AckCollector.Collect(Fixtures.Concat(Ack(uint.MaxValue, 0), Ack(0, 0), Ack(1, 0)), uint.MaxValue, Requests, 0, 3, results);
        Assert.Equal(3, filled);
    }

    private static byte[] Ack(uint sequence, int error)
    {
        var bytes = Fixtures.Concat(Fixtures.SuccessAck);
        BitConverter.TryWriteBytes(bytes.AsSpan(8), sequence);
        BitConverter.TryWriteBytes(bytes.AsSpan(16), error);
        return bytes;
    }
}
