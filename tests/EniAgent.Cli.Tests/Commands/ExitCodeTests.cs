using EniAgent.Cli.Reconciliation;
using EniAgent.Cli.Tests.Output;
using EniAgent.Core.Planning;
using EniAgent.TestKit.Emulator;

namespace EniAgent.Cli.Tests.Commands;

/// <summary>How a reconcile maps to the process exit code (docs/cli.md, "Exit codes").</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public void Codes_are_the_documented_sysexits_values()
    {
        Assert.Equal(
            (0, 1, 2, 69, 77, 78),
            (ExitCodes.Ok, ExitCodes.Failed, ExitCodes.Usage, ExitCodes.MetadataUnavailable, ExitCodes.NoPermission, ExitCodes.InvalidConfiguration));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Converged_is_0_even_with_pending_excluded_and_primary_enis(bool dryRun)
    {
        using var root = Outcomes.UbuntuRoot();
        var outcome = await Outcomes.RunAsync(Outcomes.Scenario(secondaries: 3), Outcomes.Kernel(1, 2, 3), Mode(dryRun), Outcomes.Options("exclude: [eth2]\n"), root);

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
    }

    [Fact]
    public async Task A_failed_group_is_1()
    {
        var outcome = await Outcomes.RunAsync(Outcomes.Scenario(), Outcomes.Kernel(1, 2, 3), ReconcileMode.Apply, fail: s => s is AddRuleStep ? "EPERM" : null);

        Assert.Equal(ExitCodes.Failed, outcome.ExitCode);
        Assert.Equal(3, outcome.Failures.Count()); // shared rules and both ENIs; the others were still tried
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_invalid_eni_is_1(bool dryRun)
    {
        var scenario = Outcomes.Scenario().ConfigureEni(ScenarioBuilder.Mac(3), e => e.WithItem("gateway", "not-an-ip"));

        var outcome = await Outcomes.RunAsync(scenario, Outcomes.Kernel(1, 2, 3), Mode(dryRun));

        Assert.Equal(ExitCodes.Failed, outcome.ExitCode);
        Assert.Empty(outcome.Failures);
    }

    [Fact]
    public async Task An_eni_without_a_slot_is_1()
    {
        var outcome = await Outcomes.RunAsync(Outcomes.Scenario(), Outcomes.Kernel(1, 2, 3), ReconcileMode.Apply, Outcomes.Options("routing:\n  max-enis: 1\n"));

        Assert.Equal(ExitCodes.Failed, outcome.ExitCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_file_conflict_is_1(bool dryRun)
    {
        using var root = Outcomes.UbuntuRoot().Write("/etc/netplan/90-eniagent-eth1.yaml", "# mine\n");

        var outcome = await Outcomes.RunAsync(Outcomes.Scenario(), Outcomes.Kernel(1, 2, 3), Mode(dryRun), root: root);

        Assert.Equal(ExitCodes.Failed, outcome.ExitCode);
        Assert.Empty(outcome.Failures);
    }

    [Fact]
    public async Task A_file_that_cannot_be_written_is_1()
    {
        using var root = Outcomes.UbuntuRoot();
        root.Write("/etc/systemd/network", "a file where a folder should be\n");

        var outcome = await Outcomes.RunAsync(Outcomes.Scenario(), Outcomes.Kernel(1, 2, 3), ReconcileMode.Apply, root: root);

        Assert.Contains(outcome.Persist!.Results, r => r.Status == Platform.Files.FileApplyStatus.Failed);
        Assert.Equal(ExitCodes.Failed, outcome.ExitCode);
    }

    [Fact]
    public async Task A_render_error_is_1()
    {
        using var root = Outcomes.UbuntuRoot();
        var outcome = await Outcomes.RunAsync(Outcomes.Scenario(), Outcomes.Kernel(1, 2, 3), ReconcileMode.DryRun, root: root);

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Equal(ExitCodes.Failed, (outcome with { Persist = outcome.Persist! with { Error = "eni-x: value refused" } }).ExitCode);
    }

    private static ReconcileMode Mode(bool dryRun) => dryRun ? ReconcileMode.DryRun : ReconcileMode.Apply;
}
