using System.Text.RegularExpressions;
using EniAgent.Cli.Output;
using EniAgent.Cli.Reconciliation;
using EniAgent.Core.Planning;
using EniAgent.TestKit.Emulator;

namespace EniAgent.Cli.Tests.Output;

public sealed partial class PlanTextTests
{
    private const string Eth1Eni = "eni-emu00163e000002";
    private const string Eth2Eni = "eni-emu00163e000003";

    [Fact]
    public async Task Dry_run_prints_one_marked_line_per_change_grouped_per_eni_then_the_file_diff()
    {
        using var root = Outcomes.UbuntuRoot();
        var before = root.Files();
        var outcome = await Outcomes.RunAsync(Outcomes.Scenario(), Outcomes.Kernel(1, 2, 3), ReconcileMode.DryRun, root: root);

        var text = PlanText.Render(outcome);

        Assert.StartsWith("# eni-emu00163e000001 00:16:3e:00:00:01: primary — primary ENI is left alone", text, StringComparison.Ordinal);
        Assert.Contains("shared rules:\n  + rule 31250: from all lookup main suppress_prefixlength 0\n", text, StringComparison.Ordinal);
        Assert.Contains(
            $"{Eth1Eni} (eth1):\n  ~ link eth1 arp_ignore 1 arp_announce 2 promote_secondaries 1\n  ~ link eth1 up\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains(
            "\n  + address 192.168.2.10/24 dev eth1 noprefixroute\n  + address 192.168.2.11/24 dev eth1 noprefixroute\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains($"{Eth2Eni} (eth2):\n  ~ link eth2 arp_ignore 1 arp_announce 2 promote_secondaries 1\n  ~ link eth2 up\n", text, StringComparison.Ordinal);

        // Every change of the kernel plan is one line: two spaces, +, - or ~, the object kind, then ip(8)-like text.
        var stepLines = Lines(text).SkipWhile(l => !l.EndsWith(':')).TakeWhile(l => !l.StartsWith("persisted", StringComparison.Ordinal)).Where(l => !l.EndsWith(':')).ToList();
        Assert.Equal(outcome.Plan.StepCount, stepLines.Count);
        Assert.All(stepLines, l => Assert.Matches(StepLine(), l));

        // The persisted section: renderer, unified diff of every file to write, then one line per file.
        Assert.Contains("persisted configuration (netplan):\n--- /dev/null\n+++ b/etc/netplan/90-eniagent-eth1.yaml\n", text, StringComparison.Ordinal);
        Assert.Contains("+# Managed by eniagent (ENI eni-emu00163e000002, MAC 00:16:3e:00:00:02).", text, StringComparison.Ordinal);
        Assert.Contains("  + file /etc/netplan/90-eniagent-eth1.yaml (absent)\n", text, StringComparison.Ordinal);
        Assert.Contains("  + file /etc/netplan/90-eniagent-eth2.yaml (absent)\n", text, StringComparison.Ordinal);
        Assert.EndsWith($"\n2 ENI(s) managed, 0 pending, 0 invalid; {outcome.Plan.StepCount} change(s) planned\n", text, StringComparison.Ordinal);

        Assert.Equal(before, root.Files()); // a dry run writes nothing
    }

    [Fact]
    public async Task Apply_marks_the_failed_step_and_the_skipped_rest_of_its_group_only()
    {
        using var root = Outcomes.UbuntuRoot();
        var outcome = await Outcomes.RunAsync(
            Outcomes.Scenario(),
            Outcomes.Kernel(1, 2, 3),
            ReconcileMode.Apply,
            root: root,
            fail: s => s is AddRouteStep { Route.Table: 31000 } r && r.Route.Destination.PrefixLength == 0 ? "add route: EEXIST (File exists)" : null);

        var text = PlanText.Render(outcome);
        var eth1 = Section(text, $"{Eth1Eni} (eth1):");
        var failed = Assert.Single(eth1, l => l.StartsWith("  ! ", StringComparison.Ordinal));
        Assert.Equal("  ! + route default via 192.168.2.253 dev eth1 src 192.168.2.10 table 31000 FAILED: add route: EEXIST (File exists)", failed);
        var after = eth1.SkipWhile(l => l != failed).Skip(1).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, l => Assert.StartsWith("    (skipped) + rule ", l, StringComparison.Ordinal));
        Assert.All(eth1.TakeWhile(l => l != failed), l => Assert.Matches(StepLine(), l));

        // The other ENI is applied in full, and files are written whatever the kernel said.
        Assert.All(Section(text, $"{Eth2Eni} (eth2):"), l => Assert.Matches(StepLine(), l));
        Assert.Contains("persisted configuration (netplan):\n  + file /etc/netplan/90-eniagent-eth1.yaml (created)\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--- /dev/null", text, StringComparison.Ordinal); // no diff when applying
        Assert.Matches(@"\n2 ENI\(s\) managed, 0 pending, 0 invalid; \d+ change\(s\) applied; 1 failed\n$", text);
        Assert.Equal(ExitCodes.Failed, outcome.ExitCode);
    }

    [Fact]
    public async Task Enis_not_managed_are_listed_first_with_their_disposition_and_reason()
    {
        var scenario = Outcomes.Scenario(secondaries: 3)
            .ConfigureEni(ScenarioBuilder.Mac(3), e => e.WithItem("gateway", "192.168.3.253\n$(reboot)"));
        var outcome = await Outcomes.RunAsync(scenario, Outcomes.Kernel(1, 2, 3), ReconcileMode.DryRun, Outcomes.Options("exclude: [eth1]\n"));

        var comments = Lines(PlanText.Render(outcome)).Where(l => l.StartsWith('#')).ToList();

        Assert.Equal(
        [
            "# eni-emu00163e000003 00:16:3e:00:00:03: invalid — ENI eni-emu00163e000003 (00:16:3e:00:00:03): gateway = \"192.168.3.253\\n$(reboot)\": contains a line break",
            "# eni-emu00163e000001 00:16:3e:00:00:01: primary — primary ENI is left alone (opt in with primary.manage-secondary-ips)",
            "# eni-emu00163e000002 00:16:3e:00:00:02: excluded — excluded by configuration entry 'eth1'",
            "# eni-emu00163e000004 00:16:3e:00:00:04: pending — listed in metadata, link not present yet",
        ],
        comments);
    }

    [Fact]
    public async Task Nothing_to_change_and_warnings_come_before_the_summary()
    {
        var state = new MemoryStateStore(problem: "not valid JSON");
        var outcome = await Outcomes.RunAsync(Outcomes.Scenario(secondaries: 0), Outcomes.Kernel(1), ReconcileMode.DryRun, state: state);

        var text = PlanText.Render(outcome);

        Assert.Equal(
            "# eni-emu00163e000001 00:16:3e:00:00:01: primary — primary ENI is left alone (opt in with primary.manage-secondary-ips)\n" +
            "nothing to change\n" +
            "warning: state: not valid JSON; left as it is, using an empty state (a reconcile that applies moves it aside)\n" +
            "0 ENI(s) managed, 0 pending, 0 invalid; 0 change(s) planned\n",
            text);
    }

    [Fact]
    public async Task Files_up_to_date_conflicting_or_adopted_each_get_their_mark()
    {
        using var root = Outcomes.UbuntuRoot();
        await Outcomes.RunAsync(Outcomes.Scenario(), Outcomes.Kernel(1, 2, 3), ReconcileMode.Apply, root: root);
        root.Write("/etc/netplan/90-eniagent-eth2.yaml", "# the administrator's own file\n");

        var dryRun = PlanText.Render(await Outcomes.RunAsync(Outcomes.Scenario(), Outcomes.Kernel(1, 2, 3), ReconcileMode.DryRun, root: root));
        var apply = PlanText.Render(await Outcomes.RunAsync(Outcomes.Scenario(), Outcomes.Kernel(1, 2, 3), ReconcileMode.Apply, root: root));
        var adopt = PlanText.Render(await Outcomes.RunAsync(Outcomes.Scenario(), Outcomes.Kernel(1, 2, 3), ReconcileMode.DryRun, root: root, adopt: true));

        const string Conflict = "exists and was not written by eniagent; left alone (adopt to take it over)";
        Assert.Contains($"# conflict /etc/netplan/90-eniagent-eth2.yaml: {Conflict}\n", dryRun, StringComparison.Ordinal);
        Assert.Contains("  = file /etc/netplan/90-eniagent-eth1.yaml (up to date)\n", dryRun, StringComparison.Ordinal);
        Assert.Contains($"  ! file /etc/netplan/90-eniagent-eth2.yaml ({Conflict})\n", dryRun, StringComparison.Ordinal);
        Assert.Contains($"  ! file /etc/netplan/90-eniagent-eth2.yaml ({Conflict})\n", apply, StringComparison.Ordinal);
        Assert.Contains("# adopt /etc/netplan/90-eniagent-eth2.yaml: original kept as /etc/netplan/.90-eniagent-eth2.yaml.eniagent-bak\n", adopt, StringComparison.Ordinal);
        Assert.Contains("-# the administrator's own file\n", adopt, StringComparison.Ordinal);
        Assert.Contains("  ~ file /etc/netplan/90-eniagent-eth2.yaml (not ours; adopting)\n", adopt, StringComparison.Ordinal);
        Assert.Equal("# the administrator's own file\n", root.Read("/etc/netplan/90-eniagent-eth2.yaml"));
    }

    internal static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The lines below a group heading, up to the next heading.</summary>
    private static List<string> Section(string text, string heading) =>
        [.. Lines(text).SkipWhile(l => l != heading).Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))];

    [GeneratedRegex(@"^  [+~-] (link|address|route|rule) \S")]
    private static partial Regex StepLine();
}
