using EniAgent.TestKit.Netns;

namespace EniAgent.TestKit.Stacks;

/// <summary>
/// What starting networkd or NetworkManager has in common: the mounts both need before their own (private
/// propagation so nothing reaches the host, a read-only sysfs so the daemon does not wait for udev, tmpfs over /run),
/// the test root as <c>$root</c> and the daemon's binary as <c>$2</c>, the test's private bus in
/// DBUS_SYSTEM_BUS_ADDRESS, and a start that counts as done once the daemon owns its bus name.
/// </summary>
internal static class BusDaemonLauncher
{
    private const string CommonMounts = """
        set -eu
        root=$1
        mount --make-rprivate /
        umount -l /sys
        mount -t sysfs -o ro sysfs /sys
        mount -t tmpfs -o mode=0755 tmpfs /run
        """;

    /// <param name="name">The daemon's name in logs and failure messages.</param>
    /// <param name="busName">The bus name it takes once it is ready.</param>
    /// <param name="ns">The test's network namespace.</param>
    /// <param name="root">The test root, bound into the daemon's view by <paramref name="setup"/>.</param>
    /// <param name="bus">The test's private system bus.</param>
    /// <param name="binary">The daemon's program.</param>
    /// <param name="setup">The daemon's own mounts, run after the common ones; it must end with <c>exec "$2" ...</c>.</param>
    /// <param name="environment">Extra environment variables.</param>
    public static async Task<StackDaemon> StartAsync(
        string name,
        string busName,
        NetworkNamespace ns,
        StackRoot root,
        PrivateSystemBus bus,
        string binary,
        string setup,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(bus);
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["DBUS_SYSTEM_BUS_ADDRESS"] = bus.Address,
        };
        var daemon = StackDaemon.Start(name, ns, CommonMounts + "\n" + setup, [root.Path, binary], variables);
        try
        {
            await daemon.WaitForBusNameAsync(bus, busName);
            return daemon;
        }
        catch
        {
            daemon.Dispose();
            throw;
        }
    }
}
