using EniAgent.Core.Host;

namespace EniAgent.Core.Tests.Host;

public class ContainerFactsTests
{
    [Fact]
    public void A_plain_host_is_not_a_container()
    {
        var verdict = new ContainerFacts { Pid1Cgroup = "0::/init.scope\n" }.Verdict();
        Assert.False(verdict.IsContainer);
        Assert.StartsWith("no container hints", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, null, null, null, "/.dockerenv exists")]
    [InlineData(false, true, null, null, null, "/run/.containerenv exists")]
    [InlineData(false, false, "podman", null, null, "PID 1 has container=podman")]
    [InlineData(false, false, null, "systemd-nspawn", null, "/run/systemd/container says systemd-nspawn")]
    [InlineData(false, false, null, null, "0::/system.slice/docker-0123abcd.scope\n", "cgroup mentions 'docker'")]
    [InlineData(false, false, null, null, "12:pids:/kubepods/besteffort/pod1/abc\n0::/\n", "cgroup mentions 'kubepods'")]
    [InlineData(false, false, null, null, "0::/lxc.payload.web\n", "cgroup mentions '/lxc'")]
    public void Each_hint_alone_is_enough(bool dockerEnv, bool containerEnv, string? pid1, string? systemd, string? cgroup, string reasonPart)
    {
        var verdict = new ContainerFacts
        {
            DockerEnv = dockerEnv,
            ContainerEnv = containerEnv,
            Pid1Container = pid1,
            SystemdContainer = systemd,
            Pid1Cgroup = cgroup,
        }.Verdict();
        Assert.True(verdict.IsContainer);
        Assert.Contains(reasonPart, verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void All_hints_are_listed()
    {
        var verdict = new ContainerFacts { DockerEnv = true, Pid1Container = "docker" }.Verdict();
        Assert.Equal("container: /.dockerenv exists; PID 1 has container=docker", verdict.Reason);
    }
}
