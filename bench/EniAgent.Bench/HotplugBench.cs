using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.NetworkInformation;
using EniAgent.Core;
using EniAgent.Netlink;

namespace EniAgent.Bench;

/// <summary>
/// Hot-plug latency until traffic to one of the ENI's secondary IPs works end to end (<see cref="TcpProbe"/>), in two
/// cases: metadata listed the ENI before its link came (the daemon has the snapshot already), and metadata was told
/// just before (the daemon reads it when the link appears). Measured from two moments:
/// <list type="bullet">
/// <item>the link's appearance in the instance: RTM_NEWLINK as a monitor there stamps it. On ECS this is where a
/// hot-plug starts. A stamp taken late (the bench itself not scheduled) makes the figure too small.</item>
/// <item>issuing the move (<see cref="LinkMover"/>): an upper bound that includes the kernel's own move between
/// namespaces (tens of milliseconds, RCU grace periods), which a real hot-plug does not have.</item>
/// </list>
/// </summary>
internal static class HotplugBench
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan TrialDeadline = TimeSpan.FromSeconds(20);

    public sealed record Result(List<double> Listed, List<double> Late, List<double> ListedFromMove, List<double> LateFromMove);

    public static async Task<Result> RunAsync(IReadOnlyList<string> program, int trials)
    {
        await using var instance = await BenchInstance.CreateAsync(Enumerable.Range(1, trials));
        await instance.StartDaemonAsync(program);
        using var mover = new LinkMover(instance.Vpc.Name);
        using var monitor = NetlinkMonitor.Open(NetlinkGroups.Link, instance.Guest.Path);
        using var stop = new CancellationTokenSource();
        var appeared = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var reading = Task.Run(async () =>
        {
            await foreach (var e in monitor.ReadEventsAsync(stop.Token))
            {
                if (e is NetlinkLinkEvent { Kind: NetlinkEventKind.New, Link.Address: PhysicalAddress mac })
                {
                    appeared.TryAdd(MacAddress.Format(mac), Stopwatch.GetTimestamp());
                }
            }
        });

        var result = new Result([], [], [], []);
        try
        {
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
                var seen = appeared.TryGetValue(BenchInstance.Mac(k), out var stamp) ? Math.Clamp(stamp, moved, worked) : moved;
                (k <= trials ? result.Listed : result.Late).Add(Stopwatch.GetElapsedTime(seen, worked).TotalMilliseconds);
                (k <= trials ? result.ListedFromMove : result.LateFromMove).Add(Stopwatch.GetElapsedTime(moved, worked).TotalMilliseconds);
                Console.Error.Write(k % 10 == 0 ? $"{k}" : ".");
            }
        }
        finally
        {
            Console.Error.WriteLine();
            await stop.CancelAsync();
            monitor.Dispose();
            try
            {
                await reading;
            }
            catch (Exception e) when (e is OperationCanceledException or NetlinkException or ObjectDisposedException)
            {
            }
        }

        return result;
    }
}
