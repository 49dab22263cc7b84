using EniAgent.Netlink.Codecs;
using EniAgent.Netlink.Protocol;

namespace EniAgent.Netlink.Tests.Protocol;

public sealed class DumpCollectorTests
{
    [Fact]
    public void Collects_a_multipart_dump_across_datagrams_until_done()
    {
        var collector = NewCollector(42);

        collector.Process(Fixtures.Concat(Fixtures.DumpRule(42, 1), Fixtures.DumpRule(42, 2)));
        Assert.False(collector.IsDone);
        collector.Process(Fixtures.Concat(Fixtures.DumpRule(42, 3), Fixtures.Done(42)));

        Assert.True(collector.IsDone);
        Assert.False(collector.IsInterrupted);
        Assert.Equal([1u, 2u, 3u], collector.Items.Select(r => r.Priority));
        Assert.All(collector.Items, r => Assert.Equal(31000u, r.Table));
    }

    [Fact]
    public void Ignores_messages_of_another_sequence_left_from_a_cancelled_request()
    {
        var collector = NewCollector(42);
        collector.Process(Fixtures.Concat(Fixtures.DumpRule(41, 9), Fixtures.Done(41), Fixtures.DumpRule(42, 1)));
        Assert.False(collector.IsDone);
        collector.Process(Fixtures.Done(42));

        Assert.Equal([1u], collector.Items.Select(r => r.Priority));
    }

    [Fact]
    public void Dump_interrupted_flag_is_reported()
    {
        var collector = NewCollector(42);
        collector.Process(Fixtures.Concat(Fixtures.DumpRule(42, 1), Fixtures.DumpRule(42, 2, interrupted: true), Fixtures.Done(42)));

        Assert.True(collector.IsDone);
        Assert.True(collector.IsInterrupted);
    }

    [Fact]
    public void Done_with_an_error_throws_with_the_operation()
    {
        var collector = NewCollector(42);
        var error = Assert.Throws<NetlinkException>(() => collector.Process(Fixtures.Done(42, -(int)Errno.EBUSY)));
        Assert.Equal(Errno.EBUSY, error.Errno);
        Assert.StartsWith("dump rules: EBUSY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_message_instead_of_done_throws()
    {
        var collector = NewCollector(42);
        var error = Assert.Throws<NetlinkException>(() => collector.Process(Fixtures.ErrorAckCapped));
        Assert.Equal(Errno.EEXIST, error.Errno);
        Assert.Equal("Route exist", error.KernelMessage);
    }

    private static DumpCollector<NetlinkRule> NewCollector(uint sequence) =>
        new(sequence, NetlinkMessageType.NewRule, RuleCodec.Decode, "dump rules");
}
