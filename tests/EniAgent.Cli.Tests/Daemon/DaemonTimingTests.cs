using System.Net;
using System.Net.NetworkInformation;
using EniAgent.Cli.Daemon;
using EniAgent.Core.Configuration;
using EniAgent.Core.Metadata;
using Microsoft.Extensions.Time.Testing;

namespace EniAgent.Cli.Tests.Daemon;

/// <summary>Backoff, hot-plug polling and the daemon's timers on a fake clock.</summary>
public sealed class DaemonTimingTests
{
    private static readonly PhysicalAddress Mac2 = PhysicalAddress.Parse("00-16-3E-00-00-02");

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Backoff_doubles_up_to_its_cap_with_bounded_jitter_and_resets()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5), 0.2, new Random(7));

        var delays = Enumerable.Range(0, 12).Select(_ => backoff.Next().TotalSeconds).ToList();

        double[] nominal = [2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300, 300];
        Assert.All(delays.Zip(nominal), d => Assert.InRange(d.First, d.Second * 0.8, d.Second * 1.2));
        backoff.Reset();
        Assert.InRange(backoff.Next().TotalSeconds, 1.6, 2.4);
    }

    [Fact]
    public void Hotplug_polling_starts_now_then_doubles_from_200ms_to_5s()
    {
        var watch = new HotplugWatch(_time);
        watch.Watch(Mac2, present: true, TimeSpan.FromMinutes(5));
        Assert.Equal(_time.GetUtcNow(), watch.NextPollAt);

        var gaps = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            watch.Polled();
            var gap = watch.NextPollAt!.Value - _time.GetUtcNow();
            gaps.Add(gap.TotalMilliseconds);
            _time.Advance(gap);
        }

        Assert.Equal([200, 400, 800, 1600, 3200, 5000, 5000, 5000], gaps);
    }

    [Fact]
    public void Hotplug_watch_ends_when_metadata_agrees_or_at_the_deadline()
    {
        var watch = new HotplugWatch(_time);
        watch.Watch(Mac2, present: true, TimeSpan.FromMinutes(5));
        Assert.Empty(watch.Resolve(Snapshot()));

        _time.Advance(TimeSpan.FromSeconds(3));
        var resolved = Assert.Single(watch.Resolve(Snapshot(Mac2)));
        Assert.Equal((Mac2, TimeSpan.FromSeconds(3)), resolved);
        Assert.Null(watch.NextPollAt);

        watch.Watch(Mac2, present: false, TimeSpan.FromMinutes(5));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(watch.Resolve(Snapshot(Mac2)));
        Assert.Equal([Mac2], watch.Expire());
        Assert.Equal(0, watch.Count);
    }

    [Fact]
    public void Polls_come_every_interval_within_ten_percent_and_backoff_replaces_them()
    {
        var options = new DaemonOptions { PollInterval = TimeSpan.FromSeconds(60), ResyncInterval = TimeSpan.FromDays(1) };
        var schedule = new DaemonSchedule(options, _time, new Random(3));
        var metadata = new MetadataTracker(_time, new Random(3));
        var hotplug = new HotplugWatch(_time);

        for (var i = 0; i < 20; i++)
        {
            var wait = schedule.UntilNext(metadata, hotplug);
            Assert.InRange(wait.TotalSeconds, 54, 66);
            _time.Advance(wait);
            Assert.True(schedule.TakeDue(metadata, hotplug).HasFlag(TriggerReasons.Poll));
            schedule.MetadataRead();
        }

        var retry = metadata.Failed("503");
        Assert.Equal(retry, schedule.UntilNext(metadata, hotplug));
        _time.Advance(retry);
        Assert.Equal(TriggerReasons.MetadataRetry, schedule.TakeDue(metadata, hotplug) & ~TriggerReasons.Resync);
    }

    [Fact]
    public void Resync_and_apply_retry_rearm_as_they_are_taken()
    {
        var schedule = new DaemonSchedule(new DaemonOptions { PollInterval = TimeSpan.FromHours(1), ResyncInterval = TimeSpan.FromMinutes(10) }, _time, new Random(1));
        var metadata = new MetadataTracker(_time, new Random(1));
        var hotplug = new HotplugWatch(_time);

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(TriggerReasons.Resync, schedule.TakeDue(metadata, hotplug));
        Assert.Equal(TriggerReasons.None, schedule.TakeDue(metadata, hotplug));

        var delay = schedule.ApplyFailed();
        Assert.InRange(delay.TotalSeconds, 0.8, 1.2);
        _time.Advance(delay);
        Assert.Equal(TriggerReasons.ApplyRetry, schedule.TakeDue(metadata, hotplug));
        Assert.Equal(TriggerReasons.None, schedule.TakeDue(metadata, hotplug));
    }

    [Fact]
    public void Metadata_tracker_keeps_the_last_good_snapshot_through_failures()
    {
        var tracker = new MetadataTracker(_time, new Random(5));
        Assert.False(tracker.EverAnswered);
        tracker.Failed("connection refused");
        Assert.False(tracker.EverAnswered);

        Assert.True(tracker.Succeeded(Snapshot(Mac2)));
        Assert.False(tracker.InBackoff);
        tracker.Failed("503");
        tracker.Failed("503");
        Assert.Equal(2, tracker.Failures);
        Assert.Equal(Snapshot(Mac2), tracker.LastGood);
        Assert.False(tracker.Succeeded(Snapshot(Mac2)));
        Assert.Equal(0, tracker.Failures);
    }

    private static MetadataSnapshot Snapshot(params PhysicalAddress[] enis) =>
        new("i-test", null, null, null, PhysicalAddress.Parse("00-16-3E-00-00-01"), [.. enis.Select(Eni)], []);

    private static EniMetadata Eni(PhysicalAddress mac) => new()
    {
        Mac = mac,
        EniId = "eni-" + mac,
        PrimaryIp = IPAddress.Parse("192.168.2.10"),
        PrivateIpv4s = [IPAddress.Parse("192.168.2.10")],
        Subnet = IPNetwork.Parse("192.168.2.0/24"),
        Gateway = IPAddress.Parse("192.168.2.253"),
    };
}
