using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Core.Host;
using EniAgent.Platform.DBus;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace EniAgent.Platform.Stacks;

/// <summary>
/// For profile files that were already in place (nothing changed on disk, so no pickup ran): NetworkManager may still
/// run its auto-default "Wired connection N" on the ENI's device (the agent restarted after writing the file but before
/// NetworkManager loaded it, or NetworkManager re-generated one) or keep one ready there. Per device: when our profile
/// runs, the generated ones left for it are deleted (<see cref="NmAutoDefaultCleanup"/>); when an NM-generated,
/// non-external profile runs instead, our file is picked up as if it had just changed (<see cref="NetworkManagerPickup"/>:
/// load, activate on that device only, delete the generated one). A device that runs nothing, or a profile someone
/// saved, is left alone (docs/persisted-config.md, "NetworkManager auto-default").
/// </summary>
internal sealed class NmAutoDefaultSweep(NetworkManagerBus nm, ILogger logger)
{
    public async Task<StackNotifyResult> RunAsync(IReadOnlyList<StackFileChange> files, CancellationToken cancellationToken)
    {
        var steps = new List<string>();
        var takeOver = new List<StackFileChange>();
        var checkedDevices = 0;
        foreach (var file in files)
        {
            var name = file.InterfaceName!;
            if (await nm.DeviceOfAsync(name, cancellationToken).ConfigureAwait(false) is not { } device
                || await nm.ActiveProfileOfAsync(device, cancellationToken).ConfigureAwait(false) is not { } active)
            {
                continue;
            }

            checkedDevices++;
            string activeFile;
            uint activeFlags;
            try
            {
                activeFile = await nm.FilenameOfAsync(active, cancellationToken).ConfigureAwait(false);
                activeFlags = await nm.FlagsOfAsync(active, cancellationToken).ConfigureAwait(false);
            }
            catch (DBusErrorReplyException e) when (NetworkManagerBus.IsGone(e))
            {
                // The profile running a moment ago was deleted meanwhile: the next pass (resync at the latest) looks again.
                continue;
            }

            if (activeFile == file.Path)
            {
                steps.AddRange(await new NmAutoDefaultCleanup(nm, logger).RunAsync(name, device, active, file.Path, null, cancellationToken).ConfigureAwait(false));
                continue;
            }

            if (NmAutoDefaultCleanup.IsAutoDefault(activeFlags))
            {
                StackLog.AutoDefaultTakeover(logger, name, activeFile, file.Path);
                takeOver.Add(file);
            }
        }

        StackLog.SweepChecked(logger, checkedDevices);
        var failed = false;
        if (takeOver.Count > 0)
        {
            var changes = new StackChangeSet(RendererKind.NetworkManager, takeOver.ToValueList()) { Stack = PickupStack.NetworkManager };
            var picked = await new NetworkManagerPickup(nm, logger).RunAsync(changes, cancellationToken).ConfigureAwait(false);
            steps.AddRange(picked.Steps);
            failed = picked.Status == StackNotifyStatus.Failed;
        }

        return steps.Count == 0 && !failed
            ? new StackNotifyResult(StackNotifyStatus.NotApplicable, NetworkManagerPickup.Stack, [], "no auto-default profile on our devices")
            : new StackNotifyResult(failed ? StackNotifyStatus.Failed : StackNotifyStatus.Notified, NetworkManagerPickup.Stack, steps.ToValueList(), "checked for auto-default profiles");
    }
}
