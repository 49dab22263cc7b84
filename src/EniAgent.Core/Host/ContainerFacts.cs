namespace EniAgent.Core.Host;

/// <summary>
/// Hints that the agent runs inside a container, where it would configure the wrong network namespace (or
/// none at all). Any one hint is enough; the reason lists all of them.
/// </summary>
public sealed record ContainerFacts
{
    private static readonly string[] CgroupMarkers = ["docker", "kubepods", "containerd", "libpod", "crio", "/lxc", "lxc.payload", "machine.slice/machine-"];

    /// <summary>/.dockerenv exists.</summary>
    public bool DockerEnv { get; init; }

    /// <summary>/run/.containerenv exists (podman, buildah).</summary>
    public bool ContainerEnv { get; init; }

    /// <summary>container= in /proc/1/environ (systemd-nspawn, podman, lxc, docker with systemd).</summary>
    public string? Pid1Container { get; init; }

    /// <summary>/run/systemd/container, written by systemd when it runs in a container.</summary>
    public string? SystemdContainer { get; init; }

    /// <summary>/proc/1/cgroup, verbatim.</summary>
    public string? Pid1Cgroup { get; init; }

    public ContainerVerdict Verdict()
    {
        var hints = new List<string>();
        if (DockerEnv)
        {
            hints.Add("/.dockerenv exists");
        }

        if (ContainerEnv)
        {
            hints.Add("/run/.containerenv exists");
        }

        if (!string.IsNullOrEmpty(Pid1Container))
        {
            hints.Add($"PID 1 has container={Pid1Container}");
        }

        if (!string.IsNullOrEmpty(SystemdContainer))
        {
            hints.Add($"/run/systemd/container says {SystemdContainer}");
        }

        var cgroupHint = CgroupHint();
        if (cgroupHint is not null)
        {
            hints.Add($"PID 1's cgroup mentions '{cgroupHint}'");
        }

        return hints.Count > 0
            ? new ContainerVerdict(true, "container: " + string.Join("; ", hints))
            : new ContainerVerdict(false, "no container hints (/.dockerenv, /run/.containerenv, container= in PID 1's environment, /run/systemd/container, PID 1's cgroup)");
    }

    private string? CgroupHint()
    {
        if (Pid1Cgroup is null)
        {
            return null;
        }

        foreach (var line in Pid1Cgroup.Split('\n'))
        {
            var path = line.Split(':', 3) is { Length: 3 } parts ? parts[2] : string.Empty;
            foreach (var marker in CgroupMarkers)
            {
                if (path.Contains(marker, StringComparison.Ordinal))
                {
                    return marker;
                }
            }
        }

        return null;
    }
}
