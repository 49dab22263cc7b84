using EniAgent.Core.Host;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// Whether the host looks like a container, from the marks container engines leave: <c>/.dockerenv</c>,
/// <c>/run/.containerenv</c> (podman), <c>/run/systemd/container</c> (systemd-nspawn and others), <c>container=</c>
/// in PID 1's environment, container names in PID 1's cgroup (v1). Every path is read under <c>--root</c>.
/// </summary>
internal static class ContainerProbe
{
    private static readonly string[] MarkerFiles = ["/.dockerenv", "/run/.containerenv", "/run/systemd/container"];

    private static readonly string[] CgroupHints = ["docker", "kubepods", "containerd", "libpod", "lxc", "machine.slice"];

    /// <summary>What gave the container away, or null when nothing did.</summary>
    public static string? Detect(HostPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var marker in MarkerFiles)
        {
            if (File.Exists(paths.Resolve(marker)))
            {
                return marker + " exists";
            }
        }

        if (Read(paths.Resolve("/proc/1/environ")) is { } environ
            && environ.Split('\0').FirstOrDefault(v => v.StartsWith("container=", StringComparison.Ordinal)) is { } variable)
        {
            return "PID 1 has " + variable;
        }

        if (Read(paths.Resolve("/proc/1/cgroup")) is { } cgroup
            && CgroupHints.FirstOrDefault(h => cgroup.Contains(h, StringComparison.Ordinal)) is { } hint)
        {
            return $"PID 1's cgroup mentions '{hint}'";
        }

        return null;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
