using EniAgent.Core.Files;
using EniAgent.Platform.Files;

namespace EniAgent.Platform.Tests.Files;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class OwnedFileSetTests
{
    private const UnixFileMode Rw = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const string Marker = "# eniagent\n";
    private const string Dir = "/etc/sysconfig/network-scripts";

    private static bool IsOurs(string content) => content.StartsWith(Marker, StringComparison.Ordinal);

    private static OwnedFileSet SetFor(TempRoot root) => new(root.Paths, new AtomicFileWriter());

    [Fact]
    public void Create_update_delete_and_conflict_in_one_pass()
    {
        using var root = new TempRoot();
        root.Write($"{Dir}/ifcfg-eth0", "DEVICE=eth0\n");
        root.Write($"{Dir}/ifcfg-eth1", Marker + "old\n");
        root.Write($"{Dir}/ifcfg-eth3", Marker + "detached\n");
        var set = SetFor(root);
        var plan = set.Plan(
            [
                new DesiredFile($"{Dir}/ifcfg-eth0", Marker + "mine\n", Rw),
                new DesiredFile($"{Dir}/ifcfg-eth1", Marker + "new\n", Rw),
                new DesiredFile($"{Dir}/ifcfg-eth2", Marker + "created\n", Rw),
            ],
            set.List(Dir, "ifcfg-*"),
            IsOurs,
            adopt: false);

        var results = set.Apply(plan);

        Assert.Equal(
            [
                (FileActionKind.Conflict, FileApplyStatus.LeftAlone),
                (FileActionKind.Update, FileApplyStatus.Applied),
                (FileActionKind.Create, FileApplyStatus.Applied),
                (FileActionKind.Delete, FileApplyStatus.Applied),
            ],
            results.Select(r => (r.Kind, r.Status)));
        Assert.Equal("DEVICE=eth0\n", root.Read($"{Dir}/ifcfg-eth0"));
        Assert.Equal(Marker + "new\n", root.Read($"{Dir}/ifcfg-eth1"));
        Assert.Equal(Marker + "created\n", root.Read($"{Dir}/ifcfg-eth2"));
        Assert.False(root.Exists($"{Dir}/ifcfg-eth3"));

        // A second pass has nothing left to do.
        var again = set.Plan([new DesiredFile($"{Dir}/ifcfg-eth1", Marker + "new\n", Rw), new DesiredFile($"{Dir}/ifcfg-eth2", Marker + "created\n", Rw)], set.List(Dir, "ifcfg-*"), IsOurs, false);
        Assert.False(again.HasChanges);
    }

    [Fact]
    public void Adopt_keeps_the_original_in_a_hidden_backup()
    {
        using var root = new TempRoot();
        root.Write($"{Dir}/ifcfg-eth1", "DEVICE=eth1\nBOOTPROTO=dhcp\n");
        File.SetUnixFileMode(root.Paths.Resolve($"{Dir}/ifcfg-eth1"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var set = SetFor(root);
        var plan = set.Plan([new DesiredFile($"{Dir}/ifcfg-eth1", Marker, Rw)], [], IsOurs, adopt: true);

        var result = Assert.Single(set.Apply(plan));

        Assert.Equal(FileApplyStatus.Applied, result.Status);
        Assert.Equal(Marker, root.Read($"{Dir}/ifcfg-eth1"));
        Assert.Equal("DEVICE=eth1\nBOOTPROTO=dhcp\n", root.Read($"{Dir}/.ifcfg-eth1.eniagent-bak"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(root.Paths.Resolve($"{Dir}/.ifcfg-eth1.eniagent-bak")));

        // Backups and temp files are hidden, so they are never candidates (nor read by network-scripts).
        Assert.Equal([$"{Dir}/ifcfg-eth1"], set.List(Dir, "ifcfg-*"));
    }

    [Fact]
    public void A_file_changed_after_planning_is_not_touched()
    {
        using var root = new TempRoot();
        root.Write("/etc/a", Marker + "1\n");
        root.Write("/etc/b", Marker + "1\n");
        var set = SetFor(root);
        var plan = set.Plan([new DesiredFile("/etc/a", Marker + "2\n", Rw), new DesiredFile("/etc/c", Marker, Rw)], ["/etc/b"], IsOurs, false);

        root.Write("/etc/a", "someone else took it\n");
        root.Write("/etc/b", "someone else took it\n");
        root.Write("/etc/c", "someone else made it\n");
        var results = set.Apply(plan);

        Assert.All(results, r => Assert.Equal(FileApplyStatus.Stale, r.Status));
        Assert.Equal("someone else took it\n", root.Read("/etc/a"));
        Assert.Equal("someone else took it\n", root.Read("/etc/b"));
        Assert.Equal("someone else made it\n", root.Read("/etc/c"));
    }

    [Fact]
    public void Symlinks_are_conflicts_and_never_followed()
    {
        using var root = new TempRoot();
        var target = root.Write("/outside/target", Marker);
        Directory.CreateDirectory(root.Paths.Resolve("/etc"));
        File.CreateSymbolicLink(root.Paths.Resolve("/etc/link"), target);
        var set = SetFor(root);

        var plan = set.Plan([new DesiredFile("/etc/link", Marker + "x\n", Rw)], [], IsOurs, adopt: true);
        var result = Assert.Single(set.Apply(plan));

        Assert.Equal(FileApplyStatus.LeftAlone, result.Status);
        Assert.Equal(Marker, File.ReadAllText(target));
    }

    [Fact]
    public void Dry_run_diff_uses_logical_paths()
    {
        using var root = new TempRoot();
        root.Write("/etc/netplan/90-eniagent.yaml", Marker + "old\n");
        var set = SetFor(root);
        var plan = set.Plan([new DesiredFile("/etc/netplan/90-eniagent.yaml", Marker + "new\n", Rw)], [], IsOurs, false);
        Assert.StartsWith("--- a/etc/netplan/90-eniagent.yaml\n+++ b/etc/netplan/90-eniagent.yaml\n", plan.Diff(), StringComparison.Ordinal);
        Assert.DoesNotContain(root.Path, plan.Diff(), StringComparison.Ordinal);
    }
}
