using EniAgent.Core;
using EniAgent.Platform.DBus;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace EniAgent.Platform.Stacks;

/// <summary>
/// NetworkManager: <c>LoadConnections</c> for exactly the changed profile files, keyfiles or ifcfg-rh's
/// <c>ifcfg-&lt;if&gt;</c> (<see cref="NmProfileFiles"/>; a removed file drops its profile), then, per interface, the
/// profile goes live on that device only: <c>Device.Reapply</c> when the device already runs it (no deactivation),
/// otherwise <c>ActivateConnection(profile, device, "/")</c>; then NetworkManager's own auto-default profile for that
/// device is deleted (<see cref="NmAutoDefaultCleanup"/>). Other devices are never asked. A file NetworkManager
/// reports in <c>failures</c> is named in the result and the log.
/// </summary>
internal sealed class NetworkManagerPickup(NetworkManagerBus nm, ILogger logger)
{
    public const string Stack = "NetworkManager";

    public async Task<StackNotifyResult> RunAsync(StackChangeSet changes, CancellationToken cancellationToken)
    {
        var files = NmProfileFiles.Of(changes.Files);
        if (files.Count == 0)
        {
            return StackNotifyResult.NotApplicable("no NetworkManager profile changed");
        }

        var notLoaded = (await nm.LoadConnectionsAsync([.. files.Select(f => f.Path)], cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var steps = new List<string>();
        foreach (var file in notLoaded)
        {
            var name = files.FirstOrDefault(f => f.Path == file)?.InterfaceName ?? "-";
            var hint = NmProfileFiles.IsIfcfg(file) ? " (NetworkManager reads ifcfg files only through its ifcfg-rh plugin)" : string.Empty;
            StackLog.ProfileFailed(logger, file, name, hint);
            steps.Add($"{name}: NetworkManager could not load {file}{hint}");
        }

        StackLog.ProfilesLoaded(logger, string.Join(", ", files.Where(f => !notLoaded.Contains(f.Path)).Select(f => f.Removed ? f.Path + " (removed)" : f.Path)));
        var failed = notLoaded.Count > 0;
        var written = files.Where(f => !f.Removed && f.InterfaceName is not null && !notLoaded.Contains(f.Path)).ToList();
        var profiles = written.Count == 0 ? [] : await ProfilesByFileAsync(cancellationToken).ConfigureAwait(false);
        foreach (var file in written)
        {
            var name = file.InterfaceName!;
            if (!profiles.TryGetValue(file.Path, out var profile))
            {
                StackLog.ProfileMissing(logger, file.Path);
                steps.Add($"{name}: profile not loaded");
                failed = true;
                continue;
            }

            var device = await nm.DeviceOfAsync(name, cancellationToken).ConfigureAwait(false);
            if (device is null)
            {
                StackLog.NoDevice(logger, Stack, name);
                steps.Add($"{name}: no such device");
                continue;
            }

            var previous = await nm.ActiveProfileOfAsync(device, cancellationToken).ConfigureAwait(false);
            steps.Add(await BringUpAsync(name, file.Path, profile, device, previous, cancellationToken).ConfigureAwait(false));
            steps.AddRange(await new NmAutoDefaultCleanup(nm, logger).RunAsync(name, device, profile, file.Path, previous, cancellationToken).ConfigureAwait(false));
        }

        foreach (var file in files.Where(f => f.Removed))
        {
            steps.Add($"{file.InterfaceName ?? "-"}: dropped {file.Path}");
        }

        return new StackNotifyResult(failed ? StackNotifyStatus.Failed : StackNotifyStatus.Notified, Stack, steps.ToValueList(), failed ? NotLoadedDetail(notLoaded) : "picked up");
    }

    private static string NotLoadedDetail(IReadOnlySet<string> notLoaded) =>
        notLoaded.Count == 0 ? "some profiles were not loaded" : $"NetworkManager could not load {string.Join(", ", notLoaded.Order(StringComparer.Ordinal))}";

    private async Task<string> BringUpAsync(string name, string file, string profile, string device, string? active, CancellationToken cancellationToken)
    {
        if (active == profile)
        {
            try
            {
                await nm.ReapplyAsync(device, cancellationToken).ConfigureAwait(false);
                StackLog.Reapplied(logger, name, file);
                return $"{name}: re-applied {file}";
            }
            catch (DBusErrorReplyException e)
            {
                StackLog.ReapplyRefused(logger, name, e.ErrorMessage);
            }
        }

        await nm.ActivateAsync(profile, device, cancellationToken).ConfigureAwait(false);
        StackLog.Activated(logger, file, name);
        return $"{name}: activated {file}";
    }

    private async Task<Dictionary<string, string>> ProfilesByFileAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in await nm.ListConnectionsAsync(cancellationToken).ConfigureAwait(false))
        {
            var profile = path.ToString();
            try
            {
                var file = await nm.FilenameOfAsync(profile, cancellationToken).ConfigureAwait(false);
                if (file.Length > 0)
                {
                    result[file] = profile;
                }
            }
            catch (DBusErrorReplyException e) when (NetworkManagerBus.IsGone(e))
            {
                // Removed after the listing (e.g. an in-memory profile of a device that just went away): not ours to find.
            }
        }

        return result;
    }
}
