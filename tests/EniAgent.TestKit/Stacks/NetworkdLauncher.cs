using EniAgent.TestKit.Netns;

namespace EniAgent.TestKit.Stacks;

/// <summary>
/// systemd-networkd, standalone (no systemd as PID 1), in a test's network namespace. Its mount namespace gets
/// tmpfs over /run, /etc/systemd and /var/lib/systemd, then the root's <c>/etc/systemd/network</c> and
/// <c>/run/systemd/network</c> bound in, and a read-only sysfs (networkd then does not wait for udev).
/// It reaches the test's private bus through DBUS_SYSTEM_BUS_ADDRESS. <see cref="NetworkdLog"/> reads its log.
/// </summary>
public static class NetworkdLauncher
{
    public const string BusName = "org.freedesktop.network1";

    private const string Script = """
        set -eu
        root=$1
        mount --make-rprivate /
        umount -l /sys
        mount -t sysfs -o ro sysfs /sys
        mount -t tmpfs -o mode=0755 tmpfs /run
        mount -t tmpfs -o mode=0755 tmpfs /etc/systemd
        mount -t tmpfs -o mode=0755 tmpfs /var/lib/systemd
        mkdir -p /run/systemd/network /run/systemd/netif/links /run/systemd/netif/leases /run/systemd/netif/lldp /etc/systemd/network
        # networkd drops to systemd-network and writes its state files there.
        chown -R systemd-network:systemd-network /run/systemd/netif
        mount --bind "$root/run/systemd/network" /run/systemd/network
        mount --bind "$root/etc/systemd/network" /etc/systemd/network
        exec "$2"
        """;

    public static async Task<StackDaemon> StartAsync(NetworkNamespace ns, StackRoot root, PrivateSystemBus bus)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(bus);
        var daemon = StackDaemon.Start("systemd-networkd", ns, Script, [root.Path, RequiredTool.Networkd], new Dictionary<string, string>
        {
            ["DBUS_SYSTEM_BUS_ADDRESS"] = bus.Address,
            ["SYSTEMD_LOG_TARGET"] = "console",
            // ENIAGENT_NETWORKD_LOG_LEVEL=debug shows every request networkd queues and sends (in failure messages).
            ["SYSTEMD_LOG_LEVEL"] = Environment.GetEnvironmentVariable("ENIAGENT_NETWORKD_LOG_LEVEL") ?? "info",
        });
        try
        {
            await daemon.WaitForBusNameAsync(bus, BusName);
            return daemon;
        }
        catch
        {
            daemon.Dispose();
            throw;
        }
    }
}
