using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.NetworkInformation;
using EniAgent.Core;
using EniAgent.Netlink;

namespace EniAgent.Bench;

/// <summary>
/// Hot-plug latency: from the moment the kernel reports the ENI's link in the instance (RTM_NEWLINK seen on a
/// monitor there) until traffic to one of its secondary IPs works end to end (<see cref="TcpProbe"/>). Two cases:
/// metadata listed the ENI before its link came (the usual order on ECS), and metadata told just before.
/// </summary>
internal static class HotplugBench
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan TrialDeadline = TimeSpan.FromSeconds(20);

    public static async Task<(List<double> Listed, List<double> Late)> RunAsync(IReadOnlyList<string> program, int trials)
    {
        await using var instance = await BenchInstance.CreateAsync(Enumerable.Range(1, trials));
        await instance.StartDaemonAsync(program);
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

        var listed = new List<double>();
        var late = new List<double>();
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
                var probe = TcpProbe.StartAsync(instance.Vpc.Path, BenchInstance.SecondaryIp(k), TrialDeadline, stop.Token);
                var before = Stopwatch.GetTimestamp();
                instance.AttachLink(k);
                var after = Stopwatch.GetTimestamp();
                var worked = await probe ?? throw new InvalidOperationException($"ENI {k}: no traffic within {TrialDeadline}:\n{instance.Daemon!.Log}");

                // The link moved in between starting and the end of `ip link set netns`; the kernel's RTM_NEWLINK,
                // as the monitor stamped it, says when exactly (unless the stamp came late).
                var moved = appeared.TryGetValue(BenchInstance.Mac(k), out var seen) ? Math.Clamp(seen, before, after) : after;
                var ms = Stopwatch.GetElapsedTime(moved, worked).TotalMilliseconds;
                (k <= trials ? listed : late).Add(ms);
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

        return (listed, late);
    }
}
