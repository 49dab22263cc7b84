using EniAgent.Core.Host;

namespace EniAgent.Platform.Host;

/// <summary>Reads the container hints (all under the root prefix; /proc/1 is PID 1 of the probed root).</summary>
internal static class ContainerProbe
{
    public static ContainerFacts Probe(RootedFiles files) => new()
    {
        DockerEnv = files.FileExists("/.dockerenv"),
        ContainerEnv = files.FileExists("/run/.containerenv"),
        Pid1Container = files.ReadText("/proc/1/environ")?.Split('\0').FirstOrDefault(v => v.StartsWith("container=", StringComparison.Ordinal))?["container=".Length..],
        SystemdContainer = files.ReadText("/run/systemd/container")?.Trim() is { Length: > 0 } name ? name : null,
        Pid1Cgroup = files.ReadText("/proc/1/cgroup"),
    };
}
