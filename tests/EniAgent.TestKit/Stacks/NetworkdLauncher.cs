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

    // After BusDaemonLauncher's common mounts.
    private const string Setup = """
        mount -t tmpfs -o mode=0755 tmpfs /etc/systemd
        mount -t tmpfs -o mode=0755 tmpfs /var/lib/systemd
        mkdir -p /run/systemd/network /run/systemd/netif/links /run/systemd/netif/leases /run/systemd/netif/lldp /etc/systemd/network
        # networkd drops to systemd-network and writes its state files there.
        chown -R systemd-network:systemd-network /run/systemd/netif
        mount --bind "$root/run/systemd/network" /run/systemd/network
        mount --bind "$root/etc/systemd/network" /etc/systemd/network
        exec "$2"
        """;

    public static Task<StackDaemon> StartAsync(NetworkNamespace ns, StackRoot root, PrivateSystemBus bus) =>
        BusDaemonLauncher.StartAsync("systemd-networkd", BusName, ns, root, bus, RequiredTool.Networkd, Setup, new Dictionary<string, string>
        {
            ["SYSTEMD_LOG_TARGET"] = "console",
            // ENIAGENT_NETWORKD_LOG_LEVEL=debug shows every request networkd queues and sends (in failure messages).
            ["SYSTEMD_LOG_LEVEL"] = Environment.GetEnvironmentVariable("ENIAGENT_NETWORKD_LOG_LEVEL") ?? "info",
        });
}
