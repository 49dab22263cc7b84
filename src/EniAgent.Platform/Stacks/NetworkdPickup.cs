using EniAgent.Core;
using EniAgent.Platform.DBus;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace EniAgent.Platform.Stacks;

/// <summary>
/// systemd-networkd: one <c>Reload</c> (networkd re-reads .network files and reconfigures only the links whose
/// matching file is new, changed or gone; unchanged files keep their identity, so other links are not touched),
/// then per changed link: once networkd reports it runs one of our files (for a link whose files were removed: that it
/// no longer does, having dropped what they configured) and has finished configuring the link, done; if it does not within <see cref="ReloadGrace"/>
/// (networkd reconfigures asynchronously after a reload, and older versions not at all),
/// <c>ReconfigureLink(ifindex)</c> for that link only. Reconfiguring a link that the reload already reconfigured
/// would flap its addresses a second time, so it is not done blindly.
/// </summary>
internal sealed class NetworkdPickup(NetworkdBus networkd, ILogger logger, TimeProvider time)
{
    public const string Stack = "systemd-networkd";

    /// <summary>How long a link may take to switch to our file after a reload before it is reconfigured explicitly.</summary>
    public static readonly TimeSpan ReloadGrace = TimeSpan.FromSeconds(5);

    /// <summary>Right after a reload, networkd can answer link queries with ENOENT while it reconfigures; it is asked again.</summary>
    private const int Attempts = 5;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    public async Task<StackNotifyResult> RunAsync(IReadOnlyList<LinkPickup> links, CancellationToken cancellationToken)
    {
        await networkd.ReloadAsync(cancellationToken).ConfigureAwait(false);
        StackLog.Reloaded(logger);
        var steps = new List<string> { "reloaded" };
        var failed = false;
        foreach (var link in links)
        {
            var index = await AskAsync(link.InterfaceName, () => networkd.IndexOfAsync(link.InterfaceName, cancellationToken), null, cancellationToken).ConfigureAwait(false);
            if (index is not { } ifIndex)
            {
                StackLog.NoDevice(logger, Stack, link.InterfaceName);
                steps.Add($"{link.InterfaceName}: no such link");
                continue;
            }

            var after = await SettledAsync(link, ifIndex, cancellationToken).ConfigureAwait(false);
            var file = after.NetworkFile;
            if (link.IsSettled(file))
            {
                if (link.Released)
                {
                    StackLog.ReleasedOnReload(logger, link.InterfaceName, file ?? "no file");
                    steps.Add($"{link.InterfaceName}: released our file on reload, now {file ?? "no file"}");
                }
                else
                {
                    StackLog.TookOnReload(logger, link.InterfaceName, file!);
                    steps.Add($"{link.InterfaceName}: took {file} on reload");
                }

                failed |= !Done(link, after, steps);
                continue;
            }

            try
            {
                await networkd.ReconfigureAsync(ifIndex, cancellationToken).ConfigureAwait(false);
                StackLog.Reconfigured(logger, link.InterfaceName, ifIndex, file ?? "no file");
                steps.Add($"{link.InterfaceName}: reconfigured");
                failed |= !Done(link, await SettledAsync(link, ifIndex, cancellationToken).ConfigureAwait(false), steps);
            }
            catch (DBusErrorReplyException e)
            {
                StackLog.Failed(logger, Stack, $"{link.InterfaceName}: ReconfigureLink: {e.Message}");
                steps.Add($"{link.InterfaceName}: reconfigure failed: {e.ErrorMessage}");
                failed = true;
            }
        }

        return new StackNotifyResult(failed ? StackNotifyStatus.Failed : StackNotifyStatus.Notified, Stack, steps.ToValueList(), failed ? "some links were not picked up (see the steps)" : "picked up");
    }

    /// <summary>
    /// What networkd says about the link once it runs the file the change wants (<see cref="LinkPickup.IsSettled"/>)
    /// and has finished configuring it (<see cref="NetworkdLinkState.IsSettled"/>; a released link is done as soon as it
    /// left our file: networkd drops what the file configured right then), or whatever it says when
    /// <see cref="ReloadGrace"/> runs out. Waiting for the end of the configuration keeps what eniagent does next
    /// (its next reconcile, <c>clean</c>) from overlapping networkd's own address, route and rule requests.
    /// </summary>
    private async Task<NetworkdLinkState> SettledAsync(LinkPickup link, int ifIndex, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        while (true)
        {
            var state = await AskAsync(link.InterfaceName, () => networkd.DescribeAsync(ifIndex, cancellationToken), new NetworkdLinkState(null, null), cancellationToken).ConfigureAwait(false);
            if ((link.IsSettled(state.NetworkFile) && (link.Released || state.IsSettled)) || time.GetElapsedTime(start) >= ReloadGrace)
            {
                return state;
            }

            await Task.Delay(RetryDelay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// False (logged, and a step) when networkd failed a link it took our file for; a link still being configured
    /// when the grace ran out only gets a step (networkd goes on with it).
    /// </summary>
    private bool Done(LinkPickup link, NetworkdLinkState state, List<string> steps)
    {
        if (link.Released || state.SetupState is not { } setup || (state.IsSettled && setup != "failed"))
        {
            return true;
        }

        steps.Add($"{link.InterfaceName}: {setup} after {ReloadGrace.TotalSeconds} s");
        if (setup != "failed")
        {
            return true;
        }

        StackLog.Failed(logger, Stack, $"{link.InterfaceName}: networkd failed the link (its log says why)");
        return false;
    }

    /// <summary>A query about one link, asked again on an error reply; <paramref name="fallback"/> once it keeps failing.</summary>
    private async Task<T> AskAsync<T>(string interfaceName, Func<Task<T>> query, T fallback, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await query().ConfigureAwait(false);
            }
            catch (DBusErrorReplyException e)
            {
                StackLog.QueryRetry(logger, interfaceName, e.ErrorMessage);
                if (attempt == Attempts)
                {
                    return fallback;
                }
            }

            await Task.Delay(RetryDelay, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
