using EniAgent.Core;
using EniAgent.Core.Host;

namespace EniAgent.Platform.Host;

/// <summary>
/// Collects <see cref="HostFacts"/> from files under the root prefix: os-release, installed network stacks, the
/// daemons in /proc, NetworkManager's plugins, the primary interface's manager and container hints. Never throws
/// for an odd host: what cannot be read is reported as absent, and the pure selectors decide.
/// </summary>
public sealed class HostProbe(HostPaths paths)
{
    private static readonly string[] NmPluginDirs =
        ["/usr/lib64/NetworkManager", "/usr/lib/NetworkManager", "/usr/lib/x86_64-linux-gnu/NetworkManager", "/usr/lib/aarch64-linux-gnu/NetworkManager"];

    private static readonly string[] NmConfDirs = ["/usr/lib/NetworkManager/conf.d", "/run/NetworkManager/conf.d", "/etc/NetworkManager/conf.d"];

    private readonly RootedFiles _files = new(paths);

    /// <summary>Probes the host; <paramref name="primaryInterface"/> null means "the default route's interface".</summary>
    public HostFacts Probe(string? primaryInterface = null) => new()
    {
        OsRelease = ReadOsRelease(),
        NetworkScriptsDir = _files.DirectoryExists("/etc/sysconfig/network-scripts"),
        NetplanFiles = _files.List("/etc/netplan", "*.yaml").ToValueList(),
        IfupdownInterfaces = _files.FileExists("/etc/network/interfaces"),
        SuseNetworkDir = _files.DirectoryExists("/etc/sysconfig/network"),
        NetworkManagerDir = _files.DirectoryExists("/etc/NetworkManager"),
        NetworkdDir = _files.DirectoryExists("/etc/systemd/network"),
        WickedBinary = AnyFile("/usr/sbin/wicked", "/sbin/wicked"),
        NetworkManagerBinary = AnyFile("/usr/sbin/NetworkManager", "/sbin/NetworkManager"),
        IfupBinary = AnyFile("/sbin/ifup", "/usr/sbin/ifup"),
        NetplanBinary = AnyFile("/usr/sbin/netplan", "/usr/bin/netplan"),
        RunningDaemons = RunningDaemons(),
        NmPlugins = NetworkManagerPlugins.Effective(NmConfigTexts()),
        NmIfcfgRhPluginInstalled = NmIfcfgRhPluginInstalled(),
        Primary = PrimaryLinkProbe.Probe(_files, primaryInterface),
        Container = ContainerProbe.Probe(_files),
    };

    private OsRelease? ReadOsRelease()
    {
        foreach (var (path, source) in new[] { ("/etc/os-release", OsReleaseSource.EtcOsRelease), ("/usr/lib/os-release", OsReleaseSource.UsrLibOsRelease) })
        {
            if (_files.ReadText(path) is { } text && OsRelease.Parse(text, source) is { } os)
            {
                return os;
            }
        }

        return _files.ReadText("/etc/redhat-release") is { } redhat ? OsRelease.FromRedhatRelease(redhat) : null;
    }

    private bool AnyFile(params string[] logicalPaths) => logicalPaths.Any(_files.FileExists);

    private ValueList<NetworkDaemon> RunningDaemons()
    {
        var found = new SortedSet<NetworkDaemon>();
        foreach (var pid in _files.List("/proc", "*", directories: true).Where(d => d.All(char.IsAsciiDigit)))
        {
            // comm is at most 15 characters: systemd-networkd shows as "systemd-network".
            switch (_files.ReadText($"/proc/{pid}/comm")?.Trim())
            {
                case "NetworkManager":
                    found.Add(NetworkDaemon.NetworkManager);
                    break;
                case "systemd-network" or "systemd-networkd":
                    found.Add(NetworkDaemon.SystemdNetworkd);
                    break;
                case { } comm when comm.StartsWith("wickedd", StringComparison.Ordinal):
                    found.Add(NetworkDaemon.Wicked);
                    break;
            }
        }

        return found.ToValueList();
    }

    /// <summary>NetworkManager.conf, then conf.d snippets by file name (an /etc snippet shadows a same-named one elsewhere).</summary>
    private IEnumerable<string> NmConfigTexts()
    {
        if (_files.ReadText("/etc/NetworkManager/NetworkManager.conf") is { } main)
        {
            yield return main;
        }

        var snippets = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var dir in NmConfDirs)
        {
            foreach (var file in _files.List(dir, "*.conf"))
            {
                snippets[file] = $"{dir}/{file}";
            }
        }

        foreach (var path in snippets.Values)
        {
            if (_files.ReadText(path) is { } text)
            {
                yield return text;
            }
        }
    }

    private bool NmIfcfgRhPluginInstalled()
    {
        const string Plugin = "libnm-settings-plugin-ifcfg-rh.so";
        return NmPluginDirs.Any(dir =>
            _files.FileExists($"{dir}/{Plugin}")
            || _files.List(dir, "*", directories: true).Any(version => _files.FileExists($"{dir}/{version}/{Plugin}")));
    }
}
