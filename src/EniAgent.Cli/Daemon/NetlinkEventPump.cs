using EniAgent.Netlink;
using Microsoft.Extensions.Logging;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// Reads rtnetlink multicast events on the daemon's own monitor socket and posts the relevant ones to the
/// trigger queue. The filter's links are seeded before the pump starts; after an overrun (ENOBUFS: events were
/// lost, so what was known may be wrong) they are dumped again on a connection of the pump's own.
/// </summary>
internal sealed class NetlinkEventPump(NetlinkMonitor monitor, RtnlConnection dumps, KernelEventFilter filter, TriggerQueue queue, ILogger logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var e in monitor.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (e is NetlinkOverrunEvent)
            {
                DaemonLog.Overrun(logger);
                queue.Post(TriggerReasons.Overrun);
                await ReseedAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (filter.Classify(e) is { } notice)
            {
                queue.Post(notice);
            }
        }
    }

    private async Task ReseedAsync(CancellationToken cancellationToken)
    {
        var links = await dumps.GetLinksAsync(cancellationToken).ConfigureAwait(false);
        foreach (var notice in filter.Reseed(links))
        {
            queue.Post(notice);
        }
    }
}
