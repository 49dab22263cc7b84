using System.Diagnostics;

namespace EniAgent.Bench;

/// <summary>What the daemon costs while nothing happens: RSS, CPU and metadata requests over a stretch of idle time.</summary>
internal static class IdleBench
{
    public sealed record Result(TimeSpan Duration, long RssStartKiB, long RssEndKiB, long RssMaxKiB, double CpuPercent, TimeSpan CpuTime, long MetadataRequests, IReadOnlyDictionary<string, long> ByPath);

    public static async Task<Result> RunAsync(IReadOnlyList<string> program, TimeSpan duration)
    {
        await using var instance = await BenchInstance.CreateAsync([1, 2]);
        instance.CreateLink(1);
        instance.CreateLink(2);
        instance.AttachLink(1);
        instance.AttachLink(2);
        var daemon = await instance.StartDaemonAsync(program);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await instance.Emulator!.ResetStatsAsync();

        var start = ProcessStats.Read(daemon.Id);
        var clock = Stopwatch.StartNew();
        var max = start.RssKiB;
        while (clock.Elapsed < duration)
        {
            var left = duration - clock.Elapsed;
            await Task.Delay(left < TimeSpan.FromSeconds(10) ? left : TimeSpan.FromSeconds(10));
            max = Math.Max(max, ProcessStats.Read(daemon.Id).RssKiB);
        }

        var end = ProcessStats.Read(daemon.Id);
        var stats = await instance.Emulator.GetStatsAsync();
        var cpu = end.CpuTime - start.CpuTime;
        return new Result(clock.Elapsed, start.RssKiB, end.RssKiB, max, 100 * cpu / clock.Elapsed, cpu, stats.Requests, stats.ByPath);
    }
}
