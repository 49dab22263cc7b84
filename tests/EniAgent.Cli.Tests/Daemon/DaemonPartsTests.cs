using EniAgent.Cli.Daemon;
using EniAgent.Core;
using EniAgent.Core.Host;
using EniAgent.Core.Planning;
using EniAgent.Platform.Kernel;

namespace EniAgent.Cli.Tests.Daemon;

/// <summary>The container probe and the shutdown behaviour of the applier.</summary>
public sealed class DaemonPartsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("eniagent-daemon-parts-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_plain_root_is_not_a_container() => Assert.Null(ContainerProbe.Detect(new HostPaths(_root)));

    [Theory]
    [InlineData("/.dockerenv", "", "/.dockerenv exists")]
    [InlineData("/run/.containerenv", "", "/run/.containerenv exists")]
    [InlineData("/run/systemd/container", "systemd-nspawn\n", "/run/systemd/container exists")]
    [InlineData("/proc/1/environ", "PATH=/bin\0container=podman\0HOME=/", "PID 1 has container=podman")]
    [InlineData("/proc/1/cgroup", "12:pids:/docker/3f2a\n0::/\n", "PID 1's cgroup mentions 'docker'")]
    public void Container_marks_under_the_root_are_found(string path, string content, string evidence)
    {
        var paths = new HostPaths(_root);
        Directory.CreateDirectory(Path.GetDirectoryName(paths.Resolve(path))!);
        File.WriteAllText(paths.Resolve(path), content);

        Assert.Equal(evidence, ContainerProbe.Detect(paths));
    }

    [Fact]
    public void A_host_PID_1_is_not_a_container()
    {
        var paths = new HostPaths(_root);
        Directory.CreateDirectory(paths.Resolve("/proc/1"));
        File.WriteAllText(paths.Resolve("/proc/1/environ"), "HOME=/\0TERM=linux\0");
        File.WriteAllText(paths.Resolve("/proc/1/cgroup"), "0::/init.scope\n");

        Assert.Null(ContainerProbe.Detect(paths));
    }

    [Fact]
    public async Task On_shutdown_the_group_in_flight_finishes_and_no_other_starts()
    {
        var inner = new RecordingApplier();
        var applier = new GroupCompletingApplier(inner);
        using var stop = new CancellationTokenSource();
        var first = Group("eni-1");
        var second = Group("eni-2");

        inner.OnApply = stop.Cancel;
        var done = await applier.ApplyAsync(first, stop.Token);
        var skipped = await applier.ApplyAsync(second, stop.Token);

        Assert.True(done.Succeeded);
        Assert.Equal(first.Steps, done.Applied);
        Assert.False(inner.SawCancellation);
        Assert.Equal((GroupCompletingApplier.NotStarted, 0), (skipped.Error, skipped.Applied.Count));
        Assert.Equal(["eni-1"], inner.Applied);
    }

    private static PlanGroup Group(string eni) =>
        new(PlanGroupKind.Eni, eni, eni, null, [new SetLinkUpStep(3, "eth1"), new SetLinkUpStep(4, "eth2")]);

    private sealed class RecordingApplier : IKernelApplier
    {
        public Action? OnApply { get; set; }

        public List<string> Applied { get; } = [];

        public bool SawCancellation { get; private set; }

        public Task<GroupResult> ApplyAsync(PlanGroup group, CancellationToken cancellationToken)
        {
            OnApply?.Invoke();
            SawCancellation |= cancellationToken.IsCancellationRequested;
            Applied.Add(group.Subject);
            return Task.FromResult(new GroupResult(group, group.Steps, null, null));
        }
    }
}
