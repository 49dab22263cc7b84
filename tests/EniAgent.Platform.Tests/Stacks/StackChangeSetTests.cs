using EniAgent.Core.Configuration;
using EniAgent.Core.Files;
using EniAgent.Platform.Files;
using EniAgent.Platform.Stacks;

namespace EniAgent.Platform.Tests.Stacks;

public sealed class StackChangeSetTests
{
    private const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void Applied_writes_and_deletions_become_changes_with_their_content_and_interface()
    {
        var plan = new FilePlan([
            new FileAction(FileActionKind.Create, "/etc/a.network", null, "new a", Mode, "absent"),
            new FileAction(FileActionKind.Update, "/etc/b.network", "old b", "new b", Mode, "differs"),
            new FileAction(FileActionKind.Delete, "/etc/c.network", "old c", null, null, "not wanted"),
            new FileAction(FileActionKind.Unchanged, "/etc/d.network", "d", "d", Mode, "same"),
            new FileAction(FileActionKind.Conflict, "/etc/e.network", "theirs", "ours", Mode, "not ours"),
            new FileAction(FileActionKind.Update, "/etc/f.network", "old f", "new f", Mode, "differs"),
        ]);
        FileApplyResult[] results =
        [
            new("/etc/a.network", FileActionKind.Create, FileApplyStatus.Applied, "created"),
            new("/etc/b.network", FileActionKind.Update, FileApplyStatus.Applied, "updated"),
            new("/etc/c.network", FileActionKind.Delete, FileApplyStatus.Applied, "deleted"),
            new("/etc/d.network", FileActionKind.Unchanged, FileApplyStatus.Unchanged, "same"),
            new("/etc/e.network", FileActionKind.Conflict, FileApplyStatus.LeftAlone, "not ours"),
            new("/etc/f.network", FileActionKind.Update, FileApplyStatus.Stale, "changed after planning"),
        ];

        var changes = StackChangeSet.FromApplied(RendererKind.Networkd, plan, results, content => content.EndsWith('a') ? "eth1" : content.EndsWith('c') ? "eth3" : null);

        Assert.Equal(
            [
                new StackFileChange("/etc/a.network", false, "new a", "eth1"),
                new StackFileChange("/etc/b.network", false, "new b", null),
                new StackFileChange("/etc/c.network", true, "old c", "eth3"),
            ],
            changes.Files);
    }

    [Fact]
    public void Links_know_the_network_files_that_configure_them_directly_by_drop_in_or_generated()
    {
        StackFileChange[] changes =
        [
            new("/etc/systemd/network/10-eniagent-eth1.network", false, "x", "eth1"),
            new("/etc/netplan/90-eniagent-eth2.yaml", false, "x", "eth2"),
            new("/etc/systemd/network/10-netplan-00-eniagent-eth2.network.d/90-eniagent.conf", false, "x", "eth2"),
            new("/etc/systemd/network/10-eniagent-eth3.network", true, "x", "eth3"),
            new("/etc/systemd/network/shared.network", false, "x", null),
        ];
        var generated = new Dictionary<string, IReadOnlySet<string>> { ["eth2"] = new HashSet<string> { "10-netplan-00-eniagent-eth2.network" } };

        var links = LinkPickup.From(changes, generated);

        Assert.Equal(["eth1", "eth2", "eth3"], links.Select(l => l.InterfaceName));
        Assert.Equal(["10-eniagent-eth1.network"], links[0].NetworkFileNames);
        Assert.Equal(["10-netplan-00-eniagent-eth2.network"], links[1].NetworkFileNames);
        Assert.Equal([false, false, true], links.Select(l => l.Released));
        Assert.Equal(["10-eniagent-eth3.network"], links[2].NetworkFileNames);

        // Released: settled once networkd no longer runs the removed file; a pickup once it runs one of ours.
        Assert.True(links[2].IsSettled(null));
        Assert.True(links[2].IsSettled("/usr/lib/systemd/network/99-default.network"));
        Assert.False(links[2].IsSettled("/etc/systemd/network/10-eniagent-eth3.network"));
        Assert.False(links[0].IsSettled(null));
        Assert.True(links[0].IsSettled("/etc/systemd/network/10-eniagent-eth1.network"));
    }
}
