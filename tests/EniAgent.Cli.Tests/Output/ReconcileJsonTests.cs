using System.Text.Json;
using EniAgent.Cli.Output;
using EniAgent.Cli.Reconciliation;
using EniAgent.Core.Planning;
using EniAgent.TestKit.Emulator;

namespace EniAgent.Cli.Tests.Output;

public sealed class ReconcileJsonTests
{
    [Fact]
    public async Task Document_has_exactly_the_documented_members_at_every_level()
    {
        using var root = Outcomes.UbuntuRoot();
        var outcome = await Outcomes.RunAsync(Outcomes.Scenario(), Outcomes.Kernel(1, 2, 3), ReconcileMode.DryRun, root: root);

        using var json = JsonDocument.Parse(ReconcileJson.Render(outcome));
        var doc = json.RootElement;

        Assert.Equal(["mode", "exit-code", "summary", "enis", "groups", "warnings", "renderer", "files"], Names(doc));
        Assert.Equal(["eni-id", "mac", "interface", "role", "disposition", "reason"], Names(doc.GetProperty("enis")[0]));
        Assert.Equal(["subject", "kind", "eni-id", "steps", "error"], Names(doc.GetProperty("groups")[0]));
        Assert.Equal(["kind", "change", "status"], Names(doc.GetProperty("groups")[0].GetProperty("steps")[0]));
        Assert.Equal(["path", "action", "status", "detail"], Names(doc.GetProperty("files")[0]));
    }

    [Fact]
    public async Task Dry_run_reports_every_eni_every_step_as_planned_and_the_files_to_write()
    {
        using var root = Outcomes.UbuntuRoot();
        var scenario = Outcomes.Scenario(secondaries: 3);
        var outcome = await Outcomes.RunAsync(scenario, Outcomes.Kernel(1, 2, 3), ReconcileMode.DryRun, root: root);

        var text = ReconcileJson.Render(outcome);
        using var json = JsonDocument.Parse(text);
        var doc = json.RootElement;

        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.Equal("dry-run", doc.GetProperty("mode").GetString());
        Assert.Equal(0, doc.GetProperty("exit-code").GetInt32());
        Assert.Equal(outcome.Summary(), doc.GetProperty("summary").GetString());
        Assert.Equal("netplan", doc.GetProperty("renderer").GetString());
        Assert.Equal(0, doc.GetProperty("warnings").GetArrayLength());

        var enis = doc.GetProperty("enis").EnumerateArray().ToDictionary(e => e.GetProperty("eni-id").GetString()!);
        Assert.Equal(("00:16:3e:00:00:01", "eth0", "primary", "primary"), Eni(enis["eni-emu00163e000001"]));
        Assert.Equal(("00:16:3e:00:00:02", "eth1", "secondary", "managed"), Eni(enis["eni-emu00163e000002"]));
        Assert.Equal(JsonValueKind.Null, enis["eni-emu00163e000004"].GetProperty("interface").ValueKind);
        Assert.Equal("pending", enis["eni-emu00163e000004"].GetProperty("disposition").GetString());
        Assert.Equal("listed in metadata, link not present yet", enis["eni-emu00163e000004"].GetProperty("reason").GetString());

        var groups = doc.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["shared-setup", "eni", "eni"], groups.Select(g => g.GetProperty("kind").GetString()));
        Assert.Equal(JsonValueKind.Null, groups[0].GetProperty("eni-id").ValueKind);
        Assert.Equal("eni-emu00163e000002 (eth1)", groups[1].GetProperty("subject").GetString());
        Assert.Equal("eni-emu00163e000002", groups[1].GetProperty("eni-id").GetString());
        var steps = groups.SelectMany(g => g.GetProperty("steps").EnumerateArray()).ToList();
        Assert.Equal(outcome.Plan.StepCount, steps.Count);
        Assert.All(steps, s => Assert.Equal("planned", s.GetProperty("status").GetString()));
        Assert.Equal(
            outcome.Plan.Groups.SelectMany(g => g.Steps).Select(s => (ReconcileJson.KebabCase(s.Kind.ToString()), s.Describe())),
            steps.Select(s => (s.GetProperty("kind").GetString()!, s.GetProperty("change").GetString()!)));
        Assert.Contains(steps, s => s.GetProperty("kind").GetString() == "set-link-up" && s.GetProperty("change").GetString() == "~ link eth1 up");
        Assert.All(groups, g => Assert.Equal(JsonValueKind.Null, g.GetProperty("error").ValueKind));

        var file = doc.GetProperty("files").EnumerateArray().First(f => f.GetProperty("path").GetString() == "/etc/netplan/90-eniagent-eth1.yaml");
        Assert.Equal(("create", "planned", "absent"), (file.GetProperty("action").GetString(), file.GetProperty("status").GetString(), file.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Apply_reports_applied_failed_and_skipped_steps_with_the_group_error_and_exit_code_1()
    {
        using var root = Outcomes.UbuntuRoot();
        var outcome = await Outcomes.RunAsync(
            Outcomes.Scenario(),
            Outcomes.Kernel(1, 2, 3),
            ReconcileMode.Apply,
            root: root,
            fail: s => s is AddAddressStep { LinkName: "eth2" } ? "add address: EACCES" : null);

        using var json = JsonDocument.Parse(ReconcileJson.Render(outcome));
        var doc = json.RootElement;

        Assert.Equal("apply", doc.GetProperty("mode").GetString());
        Assert.Equal(1, doc.GetProperty("exit-code").GetInt32());
        Assert.EndsWith("; 1 failed", doc.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var groups = doc.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("subject").GetString()!);
        Assert.All(groups["eni-emu00163e000002 (eth1)"].GetProperty("steps").EnumerateArray(), s => Assert.Equal("applied", s.GetProperty("status").GetString()));
        var eth2 = groups["eni-emu00163e000003 (eth2)"];
        Assert.Equal("add address: EACCES", eth2.GetProperty("error").GetString());
        Assert.Equal(
            ["applied", "applied", "failed", .. Enumerable.Repeat("skipped", eth2.GetProperty("steps").GetArrayLength() - 3)],
            eth2.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()!));

        var files = doc.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(4, files.Count);
        Assert.All(files, f => Assert.Equal(("create", "applied", "created"), (f.GetProperty("action").GetString(), f.GetProperty("status").GetString(), f.GetProperty("detail").GetString())));
    }

    [Fact]
    public async Task Invalid_enis_warnings_and_conflicts_are_reported_and_text_stays_readable()
    {
        using var root = Outcomes.UbuntuRoot().Write("/etc/netplan/90-eniagent-eth1.yaml", "# not ours\n");
        var scenario = Outcomes.Scenario(secondaries: 2)
            .ConfigureEni(ScenarioBuilder.Mac(3), e => e.WithItem("netmask", "255.255.255.0'; reboot; '"));
        var outcome = await Outcomes.RunAsync(scenario, Outcomes.Kernel(1, 2, 3), ReconcileMode.DryRun, root: root, state: new MemoryStateStore(problem: "unknown version 9"));

        var text = ReconcileJson.Render(outcome);
        using var json = JsonDocument.Parse(text);
        var doc = json.RootElement;

        Assert.Equal(1, doc.GetProperty("exit-code").GetInt32());
        var invalid = doc.GetProperty("enis").EnumerateArray().Single(e => e.GetProperty("disposition").GetString() == "invalid");
        Assert.Equal("eni-emu00163e000003", invalid.GetProperty("eni-id").GetString());
        Assert.Contains("netmask", invalid.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(["state: unknown version 9; left as it is, using an empty state (a reconcile that applies moves it aside)"], doc.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!));
        var conflict = doc.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("action").GetString() == "conflict");
        Assert.Equal("/etc/netplan/90-eniagent-eth1.yaml", conflict.GetProperty("path").GetString());

        // Printed for terminals and jq: '+', quotes and apostrophes as written, not \u002B, \u0022, \u0027.
        Assert.Contains("\"change\": \"+ address 192.168.2.10/24 dev eth1 noprefixroute\"", text, StringComparison.Ordinal);
        Assert.Contains("'; reboot; '", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multi_word_values_are_kebab_case_like_the_kinds()
    {
        using var root = Outcomes.UbuntuRoot().Write("/etc/netplan/90-eniagent-eth1.yaml", "# not ours\n");
        var outcome = await Outcomes.RunAsync(Outcomes.Scenario(), Outcomes.Kernel(1, 2, 3), ReconcileMode.Apply, Outcomes.Options("routing:\n  max-enis: 1\n"), root);

        var text = ReconcileJson.Render(outcome);
        using var json = JsonDocument.Parse(text);

        var noSlot = json.RootElement.GetProperty("enis").EnumerateArray().Single(e => e.GetProperty("eni-id").GetString() == "eni-emu00163e000003");
        Assert.Equal("no-slot", noSlot.GetProperty("disposition").GetString());
        var conflict = json.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("action").GetString() == "conflict");
        Assert.Equal("left-alone", conflict.GetProperty("status").GetString());
        Assert.Contains("# eni-emu00163e000003 00:16:3e:00:00:03: no-slot — no free routing slot among 1", PlanText.Render(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_persisting_the_renderer_is_null_and_files_empty()
    {
        var outcome = await Outcomes.RunAsync(Outcomes.Scenario(), Outcomes.Kernel(1, 2, 3), ReconcileMode.DryRun);

        using var json = JsonDocument.Parse(ReconcileJson.Render(outcome));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("renderer").ValueKind);
        Assert.Equal(0, json.RootElement.GetProperty("files").GetArrayLength());
    }

    [Theory]
    [InlineData("SharedSetup", "shared-setup")]
    [InlineData("SharedTeardown", "shared-teardown")]
    [InlineData("Eni", "eni")]
    [InlineData("SetLinkUp", "set-link-up")]
    [InlineData("RemoveRule", "remove-rule")]
    public void Kinds_are_kebab_case(string name, string expected) => Assert.Equal(expected, ReconcileJson.KebabCase(name));

    internal static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    private static (string?, string?, string?, string?) Eni(JsonElement e) =>
        (e.GetProperty("mac").GetString(), e.GetProperty("interface").GetString(), e.GetProperty("role").GetString(), e.GetProperty("disposition").GetString());
}
