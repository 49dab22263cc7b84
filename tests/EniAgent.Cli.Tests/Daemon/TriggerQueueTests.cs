using EniAgent.Cli.Daemon;
using EniAgent.Cli.Tests.Daemon.Support;

namespace EniAgent.Cli.Tests.Daemon;

/// <summary>
/// The queue on a fake clock. A post that wakes a waiting <see cref="TriggerQueue.WaitAsync"/> resumes it on the thread
/// pool: the tests wait until it has set its settle timer before they move the clock (else the timer would be set
/// after the clock moved past it, and never fire).
/// </summary>
public sealed class TriggerQueueTests
{
    private readonly TimerCountingTimeProvider _time = new();

    [Fact]
    public async Task The_first_trigger_after_a_quiet_spell_starts_work_after_the_settle_time()
    {
        var queue = new TriggerQueue(_time);
        var waiting = queue.WaitAsync(null, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));

        queue.Post(new KernelNotice(KernelNoticeKind.LinkAppeared, "link* 7"));
        await _time.WaitForTimersAsync(1);
        _time.Advance(TriggerQueue.Settle - TimeSpan.FromMilliseconds(1));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal("link* 7", Assert.Single((await waiting).Notices).Key);
    }

    [Fact]
    public async Task A_burst_right_after_a_pass_is_debounced_into_one_batch()
    {
        var queue = new TriggerQueue(_time);
        var waiting = queue.WaitAsync(null, CancellationToken.None);
        queue.Post(TriggerReasons.Poll);
        await _time.WaitForTimersAsync(1);

        _time.Advance(TimeSpan.FromMilliseconds(10));
        queue.Post(new KernelNotice(KernelNoticeKind.Changed, "route+ 31000 0.0.0.0/0"));
        _time.Advance(TriggerQueue.Quiet - TimeSpan.FromMilliseconds(1));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var batch = await waiting;
        Assert.Equal(TriggerReasons.Poll, batch.Reasons);
        Assert.Equal("route+ 31000 0.0.0.0/0", Assert.Single(batch.Notices).Key);
    }

    [Fact]
    public async Task A_storm_never_delays_work_beyond_the_maximum()
    {
        var queue = new TriggerQueue(_time);
        var waiting = queue.WaitAsync(null, CancellationToken.None);
        queue.Post(TriggerReasons.KernelChanged);
        await _time.WaitForTimersAsync(1);

        var step = TriggerQueue.Quiet / 2;
        for (var elapsed = TimeSpan.Zero; elapsed < TriggerQueue.MaxDelay - step; elapsed += step)
        {
            _time.Advance(step);
            queue.Post(TriggerReasons.KernelChanged);
            Assert.False(waiting.IsCompleted);
        }

        _time.Advance(step);
        Assert.Equal(TriggerReasons.KernelChanged, (await waiting).Reasons);
    }

    [Fact]
    public async Task A_timeout_without_triggers_returns_an_empty_batch()
    {
        var queue = new TriggerQueue(_time);
        var waiting = queue.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.True((await waiting).IsEmpty);
    }

    [Fact]
    public async Task Nothing_is_lost_between_batches()
    {
        var queue = new TriggerQueue(_time);
        queue.Post(TriggerReasons.Reload);
        _time.Advance(TriggerQueue.Quiet);
        Assert.Equal(TriggerReasons.Reload, (await queue.WaitAsync(TimeSpan.Zero, CancellationToken.None)).Reasons);

        var next = queue.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.False(next.IsCompleted);
        queue.Post(TriggerReasons.Overrun);
        await _time.WaitForTimersAsync(2);
        _time.Advance(TriggerQueue.Quiet);

        Assert.Equal(TriggerReasons.Overrun, (await next).Reasons);
    }

    [Fact]
    public async Task Too_many_notices_collapse_into_a_kernel_change()
    {
        var queue = new TriggerQueue(_time);
        for (var i = 0; i <= TriggerQueue.MaxNotices; i++)
        {
            queue.Post(new KernelNotice(KernelNoticeKind.Changed, $"addr+ 2 10.0.{i / 256}.{i % 256}/24"));
        }

        _time.Advance(TriggerQueue.Quiet);
        var batch = await queue.WaitAsync(null, CancellationToken.None);

        Assert.Equal(TriggerQueue.MaxNotices, batch.Notices.Count);
        Assert.Equal(TriggerReasons.KernelChanged, batch.Reasons);
    }
}
