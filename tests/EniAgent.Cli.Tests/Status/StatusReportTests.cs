using EniAgent.Cli.Reconciliation;
using EniAgent.Cli.Status;
using EniAgent.Cli.Tests.Output;
using EniAgent.TestKit.Emulator;
using static EniAgent.Cli.Tests.Status.StatusFixture;

namespace EniAgent.Cli.Tests.Status;

public sealed class StatusReportTests
{
    [Fact]
    public async Task Every_eni_gets_one_row_with_its_state()
    {
        var rows = StatusReport.Build(await DryRunAsync());

        Assert.Equal(
            [
                (Invalid, EniState.Invalid), (Primary, EniState.Excluded), (Drifted, EniState.Drifted), (Pending, EniState.Pending),
                (Excluded, EniState.Excluded), (Gone, EniState.Absent),
            ],
            rows.Select(r => (r.EniId!, r.State)));
    }

    [Fact]
    public async Task Drifted_lists_the_pending_changes_and_configured_has_none()
    {
        var outcome = await DryRunAsync();

        var drifted = Row(StatusReport.Build(outcome), Drifted);
        var configured = Row(StatusReport.Build(Converged(outcome)), Drifted);

        Assert.Equal(outcome.Plan.Groups.Single(g => g.EniId == Drifted).Steps.Select(s => s.Describe()), drifted.PendingChanges);
        Assert.Equal($"{drifted.PendingChanges.Count} change(s) pending; run eniagent reconcile", drifted.Reason);
        Assert.Equal(["192.168.2.10/24", "192.168.2.11/24"], drifted.DesiredAddresses);
        Assert.Empty(drifted.ActualAddresses);

        Assert.Equal((EniState.Configured, "kernel matches the desired state"), (configured.State, configured.Reason));
        Assert.Empty(configured.PendingChanges);
        Assert.Equal(configured.DesiredAddresses, configured.ActualAddresses);
        Assert.Equal(("00:16:3e:00:00:02", "eth1", "secondary", 0, 31000u), (configured.Mac, configured.Interface, configured.Role, configured.Slot, configured.Table));
        Assert.Equal(
            ["31000: from 192.168.2.10/32 lookup 31000 suppress_prefixlength 0", "31251: from 192.168.2.10/32 lookup 31000",
             "31000: from 192.168.2.11/32 lookup 31000 suppress_prefixlength 0", "31251: from 192.168.2.11/32 lookup 31000"],
            configured.Rules);
    }

    [Fact]
    public async Task Pending_has_its_slot_and_desired_addresses_but_no_link()
    {
        var pending = Row(StatusReport.Build(await DryRunAsync()), Pending);

        Assert.Equal("listed in metadata, link not present yet", pending.Reason);
        Assert.Null(pending.Interface);
        Assert.NotNull(pending.Table);
        Assert.Equal(["192.168.4.10/24"], pending.DesiredAddresses);
        Assert.Empty(pending.ActualAddresses);
        Assert.Empty(pending.PendingChanges);
    }

    [Fact]
    public async Task Invalid_excluded_and_primary_carry_the_reason_and_nothing_desired()
    {
        var rows = StatusReport.Build(await DryRunAsync());

        var invalid = Row(rows, Invalid);
        Assert.StartsWith($"ENI {Invalid} (00:16:3e:00:00:03): private-ipv4s = ", invalid.Reason, StringComparison.Ordinal);
        Assert.Contains("192.168.3.300", invalid.Reason, StringComparison.Ordinal);
        Assert.Equal("excluded by configuration entry 'eth4'", Row(rows, Excluded).Reason);
        Assert.Equal(("primary", "primary ENI is left alone (opt in with primary.manage-secondary-ips)"), (Row(rows, Primary).Role, Row(rows, Primary).Reason));
        Assert.All([invalid, Row(rows, Excluded), Row(rows, Primary)], r =>
        {
            Assert.Null(r.Table);
            Assert.Empty(r.DesiredAddresses);
            Assert.Empty(r.Rules);
            Assert.Empty(r.PendingChanges);
        });
    }

    [Fact]
    public async Task An_eni_without_a_free_slot_is_invalid()
    {
        var outcome = await Outcomes.RunAsync(Outcomes.Scenario(secondaries: 2), Outcomes.Kernel(1, 2, 3), ReconcileMode.DryRun, Outcomes.Options("routing:\n  max-enis: 1\n"));

        var row = Assert.Single(StatusReport.Build(outcome), r => r.State == EniState.Invalid);

        Assert.Equal("eni-emu00163e000003", row.EniId);
        Assert.Equal("no free routing slot among 1 (tables 31000+)", row.Reason);
    }

    [Fact]
    public async Task An_eni_gone_from_metadata_is_absent_with_its_kept_slot_and_leftovers()
    {
        var absent = Row(StatusReport.Build(await DryRunAsync()), Gone);

        Assert.Equal(EniState.Absent, absent.State);
        Assert.Equal("not in metadata since 2026-01-02 03:04:05Z; slot 9 kept for re-attach; 1 leftover object(s) to remove", absent.Reason);
        Assert.Equal((9, null, null, "secondary"), (absent.Slot, absent.Mac, absent.Interface, absent.Role));
        Assert.Equal(["- rule 31260: from 192.168.9.10/32 lookup 31009"], absent.PendingChanges);
    }

    [Fact]
    public async Task Absent_without_leftovers_says_only_where_its_slot_is()
    {
        var state = new MemoryStateStore(Core.State.AgentState.Empty.WithSlots([new Core.State.SlotRecord(Gone, 3, Outcomes.Now.AddDays(-1))]));
        var outcome = await Outcomes.RunAsync(Outcomes.Scenario(secondaries: 0), Outcomes.Kernel(1), ReconcileMode.DryRun, state: state);

        var absent = Row(StatusReport.Build(outcome), Gone);

        Assert.Equal("not in metadata since 2026-01-01 03:04:05Z; slot 3 kept for re-attach", absent.Reason);
        Assert.Empty(absent.PendingChanges);
    }

    [Fact]
    public async Task Hostile_mac_without_an_eni_id_still_gets_a_row()
    {
        var scenario = Outcomes.Scenario(secondaries: 1).ConfigureEni(ScenarioBuilder.Mac(2), e => e.WithItem("network-interface-id", "eni-$(id)"));
        var outcome = await Outcomes.RunAsync(scenario, Outcomes.Kernel(1, 2), ReconcileMode.DryRun);

        var row = Assert.Single(StatusReport.Build(outcome), r => r.State == EniState.Invalid);

        Assert.Equal("00:16:3e:00:00:02", row.Mac);
        Assert.Contains("network-interface-id", row.Reason, StringComparison.Ordinal);
    }

    private static EniStatus Row(IReadOnlyList<EniStatus> rows, string eniId) => rows.Single(r => r.EniId == eniId);
}
