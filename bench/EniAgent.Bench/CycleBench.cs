namespace EniAgent.Bench;

/// <summary>
/// Memory over many reconciles: odd cycles delete one of the agent's rules by hand (kernel event, reconcile from
/// the last metadata), even cycles send SIGHUP (configuration reload, fresh metadata read, reconcile). Each cycle
/// ends with the daemon's STATUS= after its reconcile. RSS is taken after cycle 100 and after the last.
/// </summary>
internal static class CycleBench
{
    public sealed record Result(int Cycles, long RssAt100KiB, long AnonAt100KiB, long RssAtEndKiB, long AnonAtEndKiB, TimeSpan Elapsed);

    public static async Task<Result> RunAsync(IReadOnlyList<string> program, int cycles)
    {
        await using var instance = await BenchInstance.CreateAsync([1, 2]);
        instance.CreateLink(1);
        instance.CreateLink(2);
        instance.AttachLink(1);
        instance.AttachLink(2);
        var daemon = await instance.StartDaemonAsync(program);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var from = BenchInstance.PrimaryIp(1).ToString();
        ProcessStats? at100 = null;
        for (var i = 1; i <= cycles; i++)
        {
            var before = instance.Notify.StatusCount;
            if (i % 2 == 1)
            {
                instance.Guest.Ip("rule", "del", "from", from);
            }
            else
            {
                daemon.Signal(1);
            }

            if (!await instance.Notify.WaitForAsync(() => instance.Notify.StatusCount > before, TimeSpan.FromSeconds(60)))
            {
                throw new InvalidOperationException(
                    $"cycle {i}: no STATUS after 60 s (daemon {(daemon.HasExited ? "exited" : "running")}; last messages: {string.Join(" | ", instance.Notify.Messages.TakeLast(3))}):\n{string.Join('\n', daemon.LogLines.TakeLast(40))}");
            }

            if (i == 100)
            {
                at100 = ProcessStats.Read(daemon.Id);
            }

            if (i % 1000 == 0)
            {
                Console.Error.Write($"{i / 1000}k ");
            }
        }

        Console.Error.WriteLine();
        var end = ProcessStats.Read(daemon.Id);
        return new Result(cycles, at100?.RssKiB ?? 0, at100?.AnonKiB ?? 0, end.RssKiB, end.AnonKiB, clock.Elapsed);
    }
}
