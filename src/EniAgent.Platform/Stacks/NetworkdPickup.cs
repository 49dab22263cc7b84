using EniAgent.Core;
using EniAgent.Platform.DBus;
using Microsoft.Extensions.Logging;

namespace EniAgent.Platform.Stacks;

/// <summary>
/// systemd-networkd: one <c>Reload</c> (networkd re-reads .network files and reconfigures only the links whose
/// matching file is new, changed or gone; unchanged files keep their identity, so other links are not touched),
/// then per changed link: if it already runs one of our files, done; otherwise <c>ReconfigureLink(ifindex)</c> for
/// that link only (older networkd that does not reconfigure on reload). Reconfiguring a link that reload already
/// reconfigured would flap its addresses a second time, so it is not done blindly.
/// </summary>
internal sealed class NetworkdPickup(NetworkdBus networkd, ILogger logger)
{
    public const string Stack = "systemd-networkd";

    public async Task<StackNotifyResult> RunAsync(IReadOnlyList<LinkPickup> links, CancellationToken cancellationToken)
    {
        await networkd.ReloadAsync(cancellationToken).ConfigureAwait(false);
        StackLog.Reloaded(logger);
        var steps = new List<string> { "reloaded" };
        foreach (var link in links)
        {
            var index = await networkd.IndexOfAsync(link.InterfaceName, cancellationToken).ConfigureAwait(false);
            if (index is not { } ifIndex)
            {
                StackLog.NoDevice(logger, Stack, link.InterfaceName);
                steps.Add($"{link.InterfaceName}: no such link");
                continue;
            }

            var file = await networkd.NetworkFileOfAsync(ifIndex, cancellationToken).ConfigureAwait(false);
            if (file is not null && link.NetworkFileNames.Contains(Path.GetFileName(file)))
            {
                StackLog.TookOnReload(logger, link.InterfaceName, file);
                steps.Add($"{link.InterfaceName}: took {file} on reload");
                continue;
            }

            await networkd.ReconfigureAsync(ifIndex, cancellationToken).ConfigureAwait(false);
            StackLog.Reconfigured(logger, link.InterfaceName, ifIndex, file ?? "no file");
            steps.Add($"{link.InterfaceName}: reconfigured");
        }

        return new StackNotifyResult(StackNotifyStatus.Notified, Stack, steps.ToValueList(), "picked up");
    }
}
