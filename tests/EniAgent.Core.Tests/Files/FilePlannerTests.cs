using EniAgent.Core.Files;

namespace EniAgent.Core.Tests.Files;

public class FilePlannerTests
{
    private const UnixFileMode Rw = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string Marker = "# written by eniagent\n";

    private static bool IsOurs(string content) => content.StartsWith(Marker, StringComparison.Ordinal);

    private static FileAction Single(FilePlan plan) => Assert.Single(plan.Actions);

    [Fact]
    public void Absent_file_is_created()
    {
        var plan = FilePlanner.Plan([new DesiredFile("/etc/x/a", Marker + "1\n", Rw)], [], IsOurs, adopt: false);
        var action = Single(plan);
        Assert.Equal(FileActionKind.Create, action.Kind);
        Assert.True(plan.HasChanges);
        Assert.StartsWith("--- /dev/null\n+++ b/etc/x/a\n", plan.Diff(), StringComparison.Ordinal);
    }

    [Fact]
    public void Identical_file_is_unchanged()
    {
        var plan = FilePlanner.Plan([new DesiredFile("/a", Marker, Rw)], [new ExistingFile("/a", Marker, Rw)], IsOurs, adopt: false);
        Assert.Equal(FileActionKind.Unchanged, Single(plan).Kind);
        Assert.False(plan.HasChanges);
        Assert.Equal(string.Empty, plan.Diff());
    }

    [Fact]
    public void Our_file_with_other_content_or_mode_is_updated()
    {
        var content = FilePlanner.Plan([new DesiredFile("/a", Marker + "new\n", Rw)], [new ExistingFile("/a", Marker + "old\n", Rw)], IsOurs, false);
        Assert.Equal(FileActionKind.Update, Single(content).Kind);
        Assert.Contains("-old\n+new\n", content.Diff(), StringComparison.Ordinal);

        var mode = FilePlanner.Plan([new DesiredFile("/a", Marker, Private)], [new ExistingFile("/a", Marker, Rw)], IsOurs, false);
        Assert.Equal(FileActionKind.Update, Single(mode).Kind);
        Assert.Equal("mode 0644 -> 0600", Single(mode).Reason);
        Assert.Contains("# /a: mode 0644 -> 0600", mode.Diff(), StringComparison.Ordinal);
    }

    [Fact]
    public void Foreign_file_on_a_desired_path_is_a_conflict_and_left_alone()
    {
        var plan = FilePlanner.Plan([new DesiredFile("/a", Marker, Rw)], [new ExistingFile("/a", "ONBOOT=yes\n", Rw)], IsOurs, adopt: false);
        var action = Single(plan);
        Assert.Equal(FileActionKind.Conflict, action.Kind);
        Assert.False(plan.HasChanges);
        Assert.Single(plan.Conflicts);
        Assert.StartsWith("# conflict /a: exists and was not written by eniagent", plan.Diff(), StringComparison.Ordinal);
    }

    [Fact]
    public void Adopt_backs_up_the_foreign_file_to_a_hidden_name()
    {
        var plan = FilePlanner.Plan(
            [new DesiredFile("/etc/sysconfig/network-scripts/ifcfg-eth1", Marker, Rw)],
            [new ExistingFile("/etc/sysconfig/network-scripts/ifcfg-eth1", "DEVICE=eth1\n", Rw)],
            IsOurs,
            adopt: true);
        var action = Single(plan);
        Assert.Equal(FileActionKind.Adopt, action.Kind);
        Assert.Equal("/etc/sysconfig/network-scripts/.ifcfg-eth1.eniagent-bak", action.BackupPath);
        Assert.Contains("# adopt /etc/sysconfig/network-scripts/ifcfg-eth1: original kept as", plan.Diff(), StringComparison.Ordinal);
    }

    [Fact]
    public void Backup_name_skips_taken_names()
    {
        var taken = new HashSet<string> { "/d/.f.eniagent-bak", "/d/.f.eniagent-bak.2" };
        Assert.Equal("/d/.f.eniagent-bak.3", FilePlanner.BackupPathOf("/d/f", taken.Contains));
        Assert.Equal("/d/.f.eniagent-bak", FilePlanner.BackupPathOf("/d/f", _ => false));
    }

    [Fact]
    public void Our_undesired_files_are_deleted_and_foreign_ones_never()
    {
        var plan = FilePlanner.Plan(
            [],
            [new ExistingFile("/ours", Marker, Rw), new ExistingFile("/theirs", "x\n", Rw), new ExistingFile("/link", null, 0)],
            IsOurs,
            adopt: true);
        var action = Single(plan);
        Assert.Equal(FileActionKind.Delete, action.Kind);
        Assert.Equal("/ours", action.Path);
        Assert.Equal("--- a/ours\n+++ /dev/null\n@@ -1 +0,0 @@\n-# written by eniagent\n", plan.Diff());
    }

    [Fact]
    public void Non_regular_files_are_never_written_through_even_with_adopt()
    {
        var plan = FilePlanner.Plan([new DesiredFile("/a", Marker, Rw)], [new ExistingFile("/a", null, 0)], IsOurs, adopt: true);
        Assert.Equal(FileActionKind.Conflict, Single(plan).Kind);
    }

    [Fact]
    public void Actions_are_sorted_by_path_and_plans_compare_by_content()
    {
        FilePlan Make() => FilePlanner.Plan(
            [new DesiredFile("/b", Marker, Rw), new DesiredFile("/a", Marker, Rw)],
            [new ExistingFile("/c", Marker, Rw)],
            IsOurs,
            false);
        Assert.Equal(["/a", "/b", "/c"], Make().Actions.Select(a => a.Path));
        Assert.Equal(Make(), Make());
    }

    [Fact]
    public void Contradicting_desired_files_are_refused()
    {
        Assert.Throws<ArgumentException>(() => FilePlanner.Plan([new DesiredFile("/a", "1", Rw), new DesiredFile("/a", "2", Rw)], [], IsOurs, false));
        Assert.Single(FilePlanner.Plan([new DesiredFile("/a", "1", Rw), new DesiredFile("/a", "1", Rw)], [], IsOurs, false).Actions);
    }
}
