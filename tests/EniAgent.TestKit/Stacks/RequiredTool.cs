using Xunit;

namespace EniAgent.TestKit.Stacks;

/// <summary>
/// A program a stack test needs. Missing, it fails the test with the package to install (./build.sh test installs
/// it); it never lets the test pass silently.
/// </summary>
public static class RequiredTool
{
    public static string Require(string package, params IReadOnlyList<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Fail($"'{string.Join("' or '", candidates)}' is not installed: apt-get install {package} (./build.sh test installs it)");
        }

        return found!;
    }

    public static string DbusDaemon => Require("dbus", "/usr/bin/dbus-daemon", "/bin/dbus-daemon");

    public static string Networkd => Require("systemd", "/lib/systemd/systemd-networkd", "/usr/lib/systemd/systemd-networkd");

    public static string NetworkManager => Require("network-manager", "/usr/sbin/NetworkManager", "/sbin/NetworkManager");

    public static string Netplan => Require("netplan.io", "/usr/sbin/netplan", "/usr/bin/netplan");

    public static string Unshare => Require("util-linux", "/usr/bin/unshare", "/bin/unshare");
}
