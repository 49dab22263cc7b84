using System.Diagnostics;

namespace EniAgent.Bench;

/// <summary>What the daemon costs while nothing happens: RSS, CPU and metadata requests over a stretch of idle time.</summary>
internal static class IdleBench
{
    public sealed record Result(TimeSpan Duration, long RssStartKiB, long RssEndKiB, long RssMaxKiB, double CpuPercent, TimeSpan CpuTime, long MetadataRequests, IReadOnlyDictionary<string, long> ByPath, IReadOnlyList<long> RssPerMinuteKiB);

    /// <summary>
    /// Soak: the same, with metadata polled every second instead of every 60 s, so one minute stands for an hour of
    /// polling; shows whether memory settles or keeps growing (the GC's gen0 budget decides when garbage is collected).
    /// </summary>
    public const string SoakConfig = "daemon:\n  poll-interval: 1s\n";

    public static async Task<Result> RunAsync(IReadOnlyList<string> program, TimeSpan duration, string config = "")
    {
        await using var instance = await BenchInstance.CreateAsync([1, 2]);
        instance.CreateLink(1);
        instance.CreateLink(2);
        instance.AttachLink(1);
        instance.AttachLink(2);
        var daemon = await instance.StartDaemonAsync(program, config);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await instance.Emulator!.ResetStatsAsync();

        var start = ProcessStats.Read(daemon.Id);
        var clock = Stopwatch.StartNew();
        var max = start.RssKiB;
        var perMinute = new List<long>();
        while (clock.Elapsed < duration)
        {
            var left = duration - clock.Elapsed;
            await Task.Delay(left < TimeSpan.FromSeconds(10) ? left : TimeSpan.FromSeconds(10));
            var rss = ProcessStats.Read(daemon.Id).RssKiB;
            max = Math.Max(max, rss);
            if (clock.Elapsed >= TimeSpan.FromMinutes(perMinute.Count + 1))
            {
                perMinute.Add(rss);
            }
        }

        var end = ProcessStats.Read(daemon.Id);
        var stats = await instance.Emulator.GetStatsAsync();
        var cpu = end.CpuTime - start.CpuTime;
        return new Result(clock.Elapsed, start.RssKiB, end.RssKiB, max, 100 * cpu / clock.Elapsed, cpu, stats.Requests, stats.ByPath, perMinute);
    }
}
