using System.Diagnostics;

namespace EniAgent.Bench;

/// <summary>
/// Hot-plug latency: from the moment the ENI's link is moved into the instance (<see cref="LinkMover"/>) until
/// traffic to one of its secondary IPs works end to end (<see cref="TcpProbe"/>). Two cases: metadata listed the
/// ENI before its link came (the daemon has the snapshot already), and metadata was told just before (the daemon
/// reads it when the link appears).
/// </summary>
internal static class HotplugBench
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan TrialDeadline = TimeSpan.FromSeconds(20);

    public static async Task<(List<double> Listed, List<double> Late)> RunAsync(IReadOnlyList<string> program, int trials)
    {
        await using var instance = await BenchInstance.CreateAsync(Enumerable.Range(1, trials));
        await instance.StartDaemonAsync(program);
        using var mover = new LinkMover(instance.Vpc.Name);
        var listed = new List<double>();
        var late = new List<double>();
        for (var k = 1; k <= 2 * trials; k++)
        {
            instance.CreateLink(k);
            if (k > trials)
            {
                await instance.Emulator!.AttachAsync(BenchInstance.Eni(k).ToJson());
            }

            await Task.Delay(Settle);
            using var timeout = new CancellationTokenSource(TrialDeadline);
            var probe = TcpProbe.StartAsync(instance.Vpc.Path, BenchInstance.SecondaryIp(k), TrialDeadline, timeout.Token);
            var moved = mover.Move(BenchInstance.LinkName(k), instance.Guest.Name);
            var worked = await probe ?? throw new InvalidOperationException($"ENI {k}: no traffic within {TrialDeadline}:\n{instance.Daemon!.Log}");
            (k <= trials ? listed : late).Add(Stopwatch.GetElapsedTime(moved, worked).TotalMilliseconds);
            Console.Error.Write(k % 10 == 0 ? $"{k}" : ".");
        }

        Console.Error.WriteLine();
        return (listed, late);
    }
}
