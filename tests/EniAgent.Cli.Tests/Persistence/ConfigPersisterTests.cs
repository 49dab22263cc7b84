using EniAgent.Cli.Reconciliation;
using EniAgent.Cli.Tests.Output;
using EniAgent.Core.Configuration;
using EniAgent.Core.Files;
using EniAgent.Core.Kernel;
using EniAgent.Platform.Files;
using EniAgent.Rendering;
using EniAgent.TestKit.Emulator;

namespace EniAgent.Cli.Tests.Persistence;

/// <summary>ConfigPersister through the agent's own reconcile (fake kernel, real files under a temp root).</summary>
public sealed class ConfigPersisterTests
{
    public static TheoryData<string, string> StackNames
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (name, image) in ImageRoot.All)
            {
                data.Add(name, image.Renderer);
            }

            return data;
        }
    }

    /// <summary>One image per format.</summary>
    public static TheoryData<string> OneStackEach => new() { "rocky8", "sles15", "ubuntu22.04", "debian11", "rhel9" };

    [Theory]
    [MemberData(nameof(StackNames))]
    public async Task Each_stack_gets_its_files_once_and_a_second_run_changes_nothing(string stack, string renderer)
    {
        var image = ImageRoot.All[stack];
        using var root = image.Create();
        var imageFiles = root.Files();
        var state = new MemoryStateStore();

        var first = await ApplyAsync(root, state, Outcomes.Scenario());
        var written = root.Files().Keys.Except(imageFiles.Keys).Where(p => !p.StartsWith("/var/", StringComparison.Ordinal)).ToList();

        Assert.Equal(renderer, first.Persist!.Selection.Renderer.ToString().ToLowerInvariant());
        Assert.NotNull(first.Persist.Pickup);
        Assert.Equal(image.Files(1).Concat(image.Files(2)).Order(StringComparer.Ordinal), written);
        Assert.All(written, p => Assert.True(OwnershipHeader.IsOwned(root.Read(p)), p));
        Assert.All(first.Persist.Results, r => Assert.Equal((FileActionKind.Create, FileApplyStatus.Applied), (r.Kind, r.Status)));
        Assert.Equal(written, state.State.Files);
        Assert.Equal(ExitCodes.Ok, first.ExitCode);

        var files = root.Files();
        var second = await ApplyAsync(root, state, Outcomes.Scenario());

        Assert.False(second.Persist!.Plan.HasChanges);
        Assert.All(second.Persist.Results, r => Assert.Equal(FileApplyStatus.Unchanged, r.Status));
        Assert.Equal(files, root.Files());
        AssertImageUntouched(imageFiles, root);
    }

    [Fact]
    public async Task A_foreign_file_at_a_target_path_is_a_conflict_left_alone()
    {
        using var root = ImageRoot.All["rocky8"].Create().Write("/etc/sysconfig/network-scripts/ifcfg-eth1", "DEVICE=eth1\nBOOTPROTO=dhcp\n");
        var state = new MemoryStateStore();

        var outcome = await ApplyAsync(root, state, Outcomes.Scenario());

        var conflict = Assert.Single(outcome.Persist!.Plan.Conflicts);
        Assert.Equal("/etc/sysconfig/network-scripts/ifcfg-eth1", conflict.Path);
        Assert.Equal(FileApplyStatus.LeftAlone, outcome.Persist.Results.Single(r => r.Path == conflict.Path).Status);
        Assert.Equal("DEVICE=eth1\nBOOTPROTO=dhcp\n", root.Read(conflict.Path));
        Assert.DoesNotContain(conflict.Path, state.State.Files);
        Assert.True(root.Exists("/etc/sysconfig/network-scripts/ifcfg-eth2")); // the other ENI is persisted anyway
        Assert.True(outcome.Persist.Failed);
        Assert.Equal(ExitCodes.Failed, outcome.ExitCode);
    }

    [Fact]
    public async Task Adopting_backs_the_foreign_file_up_as_a_dotfile_and_takes_the_path_over()
    {
        const string Theirs = "DEVICE=eth1\nBOOTPROTO=dhcp\n";
        using var root = ImageRoot.All["rocky8"].Create().Write("/etc/sysconfig/network-scripts/ifcfg-eth1", Theirs);
        var state = new MemoryStateStore();

        var adopted = await ApplyAsync(root, state, Outcomes.Scenario(), adopt: true);

        var result = adopted.Persist!.Results.Single(r => r.Path == "/etc/sysconfig/network-scripts/ifcfg-eth1");
        Assert.Equal((FileActionKind.Adopt, FileApplyStatus.Applied), (result.Kind, result.Status));
        Assert.Equal("adopted; original kept as /etc/sysconfig/network-scripts/.ifcfg-eth1.eniagent-bak", result.Detail);
        Assert.Equal(Theirs, root.Read("/etc/sysconfig/network-scripts/.ifcfg-eth1.eniagent-bak"));
        Assert.True(OwnershipHeader.IsOwned(root.Read("/etc/sysconfig/network-scripts/ifcfg-eth1")));
        Assert.Contains("/etc/sysconfig/network-scripts/ifcfg-eth1", state.State.Files);
        Assert.Equal(ExitCodes.Ok, adopted.ExitCode);

        var again = await ApplyAsync(root, state, Outcomes.Scenario());
        Assert.False(again.Persist!.Plan.HasChanges);
    }

    [Fact]
    public async Task Our_file_edited_by_hand_is_rewritten()
    {
        using var root = ImageRoot.All["ubuntu22.04"].Create();
        var state = new MemoryStateStore();
        await ApplyAsync(root, state, Outcomes.Scenario());
        var path = "/etc/netplan/90-eniagent-eth1.yaml";
        var ours = root.Read(path);
        root.Write(path, ours + "# an edit\n");

        var outcome = await ApplyAsync(root, state, Outcomes.Scenario());

        Assert.Equal((FileActionKind.Update, "updated: content differs"), outcome.Persist!.Results.Single(r => r.Path == path) is var r ? (r.Kind, r.Detail) : default);
        Assert.Equal(ours, root.Read(path));
    }

    [Theory]
    [InlineData("rocky8")]
    [InlineData("ubuntu22.04")]
    public async Task Files_of_a_pending_invalid_or_excluded_eni_are_kept(string stack)
    {
        var image = ImageRoot.All[stack];
        using var root = image.Create();
        var state = new MemoryStateStore();
        await ApplyAsync(root, state, Outcomes.Scenario());
        var eth2Files = image.Files(2).ToDictionary(p => p, root.Read);

        // Its link has not come back yet (pending), its metadata went bad (invalid), the administrator excluded it.
        var pending = await ApplyAsync(root, state, Outcomes.Scenario(), Outcomes.Kernel(1, 2));
        var invalid = await ApplyAsync(root, state, Outcomes.Scenario().ConfigureEni(ScenarioBuilder.Mac(3), e => e.WithItem("gateway", "192.168.3.253; reboot")));
        var excluded = await ApplyAsync(root, state, Outcomes.Scenario(), options: Outcomes.Options("exclude: [eth2]\n"));

        Assert.All([pending, invalid, excluded], o => Assert.DoesNotContain(o.Persist!.Plan.Actions, a => a.Kind == FileActionKind.Delete));
        Assert.Equal(eth2Files, image.Files(2).ToDictionary(p => p, root.Read));
        Assert.All(image.Files(2), p => Assert.Contains(p, state.State.Files));
    }

    [Theory]
    [MemberData(nameof(OneStackEach))]
    public async Task Files_of_a_detached_eni_are_removed(string stack)
    {
        var image = ImageRoot.All[stack];
        using var root = image.Create();
        var imageFiles = root.Files();
        var state = new MemoryStateStore();
        await ApplyAsync(root, state, Outcomes.Scenario());

        var outcome = await ApplyAsync(root, state, Outcomes.Scenario(secondaries: 1), Outcomes.Kernel(1, 2));

        Assert.Equal(image.Files(2), outcome.Persist!.Results.Where(r => r.Kind == FileActionKind.Delete && r.Status == FileApplyStatus.Applied).Select(r => r.Path));
        Assert.All(image.Files(2), p => Assert.False(root.Exists(p), p));
        Assert.All(image.Files(1), p => Assert.True(root.Exists(p), p));
        Assert.Equal(image.Files(1), state.State.Files);
        AssertImageUntouched(imageFiles, root);
    }

    [Fact]
    public async Task Branded_files_of_a_detached_eni_are_found_even_without_state()
    {
        using var root = ImageRoot.All["ubuntu22.04"].Create();
        await ApplyAsync(root, new MemoryStateStore(), Outcomes.Scenario());
        root.Write("/etc/netplan/90-eniagent-old.yaml", "# someone else's file with our brand in its name\n");

        await ApplyAsync(root, new MemoryStateStore(), Outcomes.Scenario(secondaries: 1), Outcomes.Kernel(1, 2));

        Assert.False(root.Exists("/etc/netplan/90-eniagent-eth2.yaml"));
        Assert.True(root.Exists("/etc/netplan/90-eniagent-eth1.yaml"));
        Assert.True(root.Exists("/etc/netplan/90-eniagent-old.yaml"));
    }

    [Theory]
    [MemberData(nameof(OneStackEach))]
    public async Task The_primarys_files_are_never_touched_even_when_adopting_with_its_secondary_ips_managed(string stack)
    {
        using var root = ImageRoot.All[stack].Create();
        var imageFiles = root.Files();
        var options = Outcomes.Options("primary:\n  manage-secondary-ips: true\n");
        var scenario = Outcomes.Scenario().ConfigureEni(ScenarioBuilder.Mac(1), e => e.WithSecondaryIps(System.Net.IPAddress.Parse("192.168.1.11")));
        var state = new MemoryStateStore();

        await ApplyAsync(root, state, scenario, options: options, adopt: true);
        await ApplyAsync(root, state, Outcomes.Scenario(secondaries: 0), Outcomes.Kernel(1), adopt: true);

        AssertImageUntouched(imageFiles, root);
        Assert.DoesNotContain(root.Files().Keys, p => p.Contains(FilePlanner.BackupSuffix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dry_run_plans_but_writes_nothing_and_keeps_the_state()
    {
        using var root = ImageRoot.All["rhel9"].Create();
        var before = root.Files();
        var state = new MemoryStateStore();

        var outcome = await Outcomes.RunAsync(Outcomes.Scenario(), Outcomes.Kernel(1, 2, 3), ReconcileMode.DryRun, root: root, state: state);

        Assert.Equal(2, outcome.Persist!.Plan.Actions.Count(a => a.Kind == FileActionKind.Create));
        Assert.Empty(outcome.Persist.Results);
        Assert.Equal(before, root.Files());
        Assert.Empty(state.State.Files);
    }

    [Theory]
    [InlineData("persist:\n  enabled: false\n")]
    [InlineData("persist:\n  renderer: none\n")]
    public async Task Persisting_switched_off_writes_nothing(string yaml)
    {
        using var root = ImageRoot.All["ubuntu22.04"].Create();
        var before = root.Files();

        var outcome = await ApplyAsync(root, new MemoryStateStore(), Outcomes.Scenario(), options: Outcomes.Options(yaml));

        Assert.Empty(outcome.Persist!.Plan.Actions);
        Assert.Equal(before.Keys, root.Files().Keys.Where(p => !p.StartsWith("/var/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_eni_with_an_unusable_id_keeps_every_file_but_managed_enis_are_still_updated()
    {
        using var root = ImageRoot.All["ubuntu22.04"].Create();
        var state = new MemoryStateStore();
        await ApplyAsync(root, state, Outcomes.Scenario(secondaries: 3));
        var eth3 = root.Read("/etc/netplan/90-eniagent-eth3.yaml");

        // Mac(4)'s ID is now hostile: its files cannot be told apart, so nothing of ours may be deleted. eth1 got a new IP.
        var scenario = Outcomes.Scenario(secondaries: 3)
            .ConfigureEni(ScenarioBuilder.Mac(4), e => e.WithItem("network-interface-id", "eni-$(reboot)"))
            .ConfigureEni(ScenarioBuilder.Mac(2), e => e.WithSecondaryIps(System.Net.IPAddress.Parse("192.168.2.12")));
        var outcome = await ApplyAsync(root, state, scenario, Outcomes.Kernel(1, 2, 3));

        Assert.Equal(eth3, root.Read("/etc/netplan/90-eniagent-eth3.yaml"));
        Assert.Contains("192.168.2.12/24", root.Read("/etc/netplan/90-eniagent-eth1.yaml"), StringComparison.Ordinal);
        Assert.Empty(outcome.Persist!.Plan.Conflicts);
    }

    private static Task<ReconcileOutcome> ApplyAsync(
        TempRoot root, MemoryStateStore state, ScenarioBuilder scenario, KernelSnapshot? kernel = null, AgentOptions? options = null, bool adopt = false) =>
        Outcomes.RunAsync(scenario, kernel ?? Outcomes.Kernel(1, 2, 3, 4), ReconcileMode.Apply, options, root, state: state, adopt: adopt);

    private static void AssertImageUntouched(SortedDictionary<string, string> imageFiles, TempRoot root)
    {
        foreach (var (path, content) in imageFiles)
        {
            Assert.Equal(content, root.Read(path));
        }
    }
}
