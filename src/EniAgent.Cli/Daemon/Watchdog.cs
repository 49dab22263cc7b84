using System.Globalization;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// systemd's watchdog (<c>WatchdogSec=</c>): sends WATCHDOG=1 every half interval while the loop is healthy. A pass
/// busy for longer than the interval is taken as stuck: the keep-alives stop and systemd restarts the service.
/// </summary>
internal sealed class Watchdog(SafeNotifier notifier, Func<TimeSpan?> busyFor, TimeProvider time, ILogger logger)
{
    private static readonly ServiceState KeepAlive = new("WATCHDOG=1");

    /// <summary>The interval systemd asks for (<c>WATCHDOG_USEC</c>, for this process when <c>WATCHDOG_PID</c> is set); null when off.</summary>
    public static TimeSpan? IntervalFromEnvironment()
    {
        var pid = Environment.GetEnvironmentVariable("WATCHDOG_PID");
        if (!string.IsNullOrEmpty(pid) && pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        return ulong.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0
            ? TimeSpan.FromMicroseconds(usec)
            : null;
    }

    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval / 2, time);
        do
        {
            if (busyFor() is { } busy && busy >= interval)
            {
                DaemonLog.WatchdogSkipped(logger, DaemonLog.Text(busy));
            }
            else
            {
                notifier.Notify(KeepAlive);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }
}
