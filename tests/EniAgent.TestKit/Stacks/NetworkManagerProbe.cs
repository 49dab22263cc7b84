using EniAgent.Platform.DBus;
using Tmds.DBus.Protocol;

namespace EniAgent.TestKit.Stacks;

/// <summary>Asks the test's NetworkManager which profile file a device is active with.</summary>
public static class NetworkManagerProbe
{
    public static async Task<string?> ActiveFileAsync(PrivateSystemBus bus, string interfaceName)
    {
        using var client = await BusClient.ConnectAsync(bus.Address, TimeProvider.System, CancellationToken.None);
        var nm = new NetworkManagerBus(client);
        var device = await nm.DeviceOfAsync(interfaceName, CancellationToken.None);
        var profile = device is null ? null : await nm.ActiveProfileOfAsync(device, CancellationToken.None);
        try
        {
            return profile is null ? null : await nm.FilenameOfAsync(profile, CancellationToken.None);
        }
        catch (DBusErrorReplyException e) when (NetworkManagerBus.IsGone(e))
        {
            return null; // Deleted between the two questions (the agent removing NetworkManager's auto-default): ask again.
        }
    }

    public static Task ActiveWithAsync(PrivateSystemBus bus, string interfaceName, string? file, StackDaemon daemon) =>
        Eventually.HoldsAsync(
            async () => await ActiveFileAsync(bus, interfaceName) == file,
            async () => $"{interfaceName} is active with {await ActiveFileAsync(bus, interfaceName) ?? "nothing"}, wanted {file ?? "nothing"}:\n{daemon.Output}");

    /// <summary>Every profile NetworkManager could run on the device, and the one it runs (even if not in that list).</summary>
    public static async Task<IReadOnlyList<NmProfileView>> ProfilesOnAsync(PrivateSystemBus bus, string interfaceName)
    {
        ArgumentNullException.ThrowIfNull(bus);
        using var client = await BusClient.ConnectAsync(bus.Address, TimeProvider.System, CancellationToken.None);
        var nm = new NetworkManagerBus(client);
        var device = await nm.DeviceOfAsync(interfaceName, CancellationToken.None);
        if (device is null)
        {
            return [];
        }

        var active = await nm.ActiveProfileOfAsync(device, CancellationToken.None);
        var profiles = (await nm.AvailableProfilesOfAsync(device, CancellationToken.None)).ToList();
        if (active is not null && !profiles.Contains(active))
        {
            profiles.Add(active);
        }

        var views = new List<NmProfileView>();
        foreach (var profile in profiles)
        {
            try
            {
                views.Add(new NmProfileView(await nm.FilenameOfAsync(profile, CancellationToken.None), await nm.FlagsOfAsync(profile, CancellationToken.None), profile == active));
            }
            catch (DBusErrorReplyException e) when (NetworkManagerBus.IsGone(e))
            {
                // Deleted after the listing (the agent removing NetworkManager's auto-default while the test looks): gone.
            }
        }

        return views;
    }
}
