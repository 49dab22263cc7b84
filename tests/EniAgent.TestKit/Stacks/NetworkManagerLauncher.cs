using EniAgent.Platform.DBus;
using EniAgent.TestKit.Netns;
using Tmds.DBus.Protocol;

namespace EniAgent.TestKit.Stacks;

/// <summary>
/// NetworkManager 1.4x (<c>--no-daemon</c>, keyfile plugin only, internal DHCP, DNS and hostname untouched) in a
/// test's network namespace. Its mount namespace gets tmpfs over /run, /var/lib/NetworkManager and
/// /etc/NetworkManager, the root's <c>/etc/NetworkManager/system-connections</c> bound in, and a read-only sysfs
/// (NetworkManager then manages devices without udev). It reaches the test's private bus through DBUS_SYSTEM_BUS_ADDRESS.
/// Loopback stays unmanaged: tests put fixtures there (the metadata emulator's 100.100.100.200) that NetworkManager
/// 1.42, which manages lo, would otherwise remove.
/// </summary>
public static class NetworkManagerLauncher
{
    public const string BusName = "org.freedesktop.NetworkManager";

    public const string ProfileDirectory = "/etc/NetworkManager/system-connections";

    // After BusDaemonLauncher's common mounts.
    private const string Setup = """
        mount -t tmpfs -o mode=0755 tmpfs /var/lib/NetworkManager
        mount -t tmpfs -o mode=0755 tmpfs /etc/NetworkManager
        mkdir -p /run/NetworkManager /etc/NetworkManager/system-connections /etc/NetworkManager/conf.d
        mount --bind "$root/etc/NetworkManager/system-connections" /etc/NetworkManager/system-connections
        exec "$2" --debug --config="$root/stack/NetworkManager.conf"
        """;

    /// <summary>
    /// Starts it. <paramref name="noAutoDefault"/> false keeps NetworkManager's own "Wired connection N" behaviour,
    /// as on a stock image.
    /// </summary>
    public static async Task<StackDaemon> StartAsync(NetworkNamespace ns, StackRoot root, PrivateSystemBus bus, bool noAutoDefault = false)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Write("/stack/NetworkManager.conf", Config(noAutoDefault), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var daemon = await BusDaemonLauncher.StartAsync("NetworkManager", BusName, ns, root, bus, RequiredTool.NetworkManager, Setup);
        try
        {
            await WaitForObjectsAsync(bus, daemon);
            return daemon;
        }
        catch
        {
            daemon.Dispose();
            throw;
        }
    }

    /// <summary>
    /// NetworkManager takes its bus name before it exports its manager and settings objects: until then every call
    /// gets "Object does not exist at path /org/freedesktop/NetworkManager" (seen in a test loop).
    /// </summary>
    private static async Task WaitForObjectsAsync(PrivateSystemBus bus, StackDaemon daemon)
    {
        using var client = await BusClient.ConnectAsync(bus.Address, TimeProvider.System, CancellationToken.None);
        var nm = new NetworkManagerBus(client);
        await Eventually.HoldsAsync(
            async () =>
            {
                try
                {
                    _ = await nm.DeviceOfAsync("lo", CancellationToken.None);
                    _ = await nm.ListConnectionsAsync(CancellationToken.None);
                    return true;
                }
                catch (DBusErrorReplyException e) when (NetworkManagerBus.IsGone(e))
                {
                    return false;
                }
            },
            () => Task.FromResult($"NetworkManager took its bus name but never exported its objects:\n{daemon.Output}"));
    }

    private static string Config(bool noAutoDefault) => $"""
        [main]
        plugins=keyfile
        dhcp=internal
        dns=none
        rc-manager=unmanaged
        hostname-mode=none
        auth-polkit=false
        {(noAutoDefault ? "no-auto-default=*" : string.Empty)}

        [keyfile]
        unmanaged-devices=interface-name:lo

        [logging]
        level=INFO

        """;
}
