using EniAgent.Platform.DBus;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace EniAgent.Platform.Stacks;

/// <summary>
/// After our profile runs on a secondary ENI's device: deletes the "Wired connection N" profiles NetworkManager
/// generated for that device by itself (auto-default, in memory only), so none is left to autoconnect or to run DHCP
/// there later. Only profiles flagged NM-generated and not external (a user's saved profile never is), that could run
/// on this device and run on no other device, and never ours. NetworkManager then records the device in its
/// no-auto-default state and does not generate another one (docs/persisted-config.md, "NetworkManager auto-default").
/// </summary>
internal sealed class NmAutoDefaultCleanup(NetworkManagerBus nm, ILogger logger)
{
    private const uint NmGenerated = 0x2;
    private const uint External = 0x8;

    /// <summary>NetworkManager's connection flags say it generated the profile itself, and not for an external configuration.</summary>
    public static bool IsAutoDefault(uint flags) => (flags & NmGenerated) != 0 && (flags & External) == 0;

    /// <summary>Returns one step per deleted profile ("eth1: deleted NetworkManager's auto-default ...").</summary>
    public async Task<IReadOnlyList<string>> RunAsync(string name, string device, string ours, string file, string? previous, CancellationToken cancellationToken)
    {
        var candidates = (await nm.AvailableProfilesOfAsync(device, cancellationToken).ConfigureAwait(false)).ToList();
        if (previous is not null && !candidates.Contains(previous))
        {
            candidates.Add(previous);
        }

        candidates.Remove(ours);
        if (candidates.Count == 0)
        {
            return [];
        }

        var active = await nm.ActiveConnectionsAsync(cancellationToken).ConfigureAwait(false);
        var steps = new List<string>();
        foreach (var profile in candidates)
        {
            var path = profile;
            try
            {
                var flags = await nm.FlagsOfAsync(profile, cancellationToken).ConfigureAwait(false);
                var elsewhere = active.Any(a => a.Profile == profile && a.Devices.Any(d => d != device));
                if (!IsAutoDefault(flags) || elsewhere)
                {
                    continue;
                }

                path = await nm.FilenameOfAsync(profile, cancellationToken).ConfigureAwait(false);
                await nm.DeleteAsync(profile, cancellationToken).ConfigureAwait(false);
                StackLog.AutoDefaultDeleted(logger, path, name, file);
                steps.Add($"{name}: deleted NetworkManager's auto-default profile {path}");
            }
            catch (DBusErrorReplyException e) when (NetworkManagerBus.IsGone(e))
            {
                // Gone meanwhile (NetworkManager or someone else removed it): nothing left to do.
            }
            catch (DBusErrorReplyException e)
            {
                // Reported, not fatal: our profile already runs on the device.
                StackLog.AutoDefaultDeleteFailed(logger, path, name, e.ErrorMessage);
                steps.Add($"{name}: could not delete NetworkManager's auto-default profile {path}: {e.ErrorMessage}");
            }
        }

        return steps;
    }
}
