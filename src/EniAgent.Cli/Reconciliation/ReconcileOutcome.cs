using EniAgent.Core;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;
using EniAgent.Core.Metadata;
using EniAgent.Core.Planning;
using EniAgent.Platform.Kernel;

namespace EniAgent.Cli.Reconciliation;

/// <summary>Everything one reconcile saw, decided and did; commands render it, the daemon summarises it.</summary>
internal sealed record ReconcileOutcome(
    ReconcileMode Mode,
    MetadataSnapshot Metadata,
    KernelSnapshot Kernel,
    DesiredState Desired,
    Plan Plan,
    EniAgent.Core.State.AgentState State,
    ValueList<GroupResult> Results,
    ValueList<string> Warnings)
{
    /// <summary>The persisted-configuration part; null when persisting is not wired (tests of the live part).</summary>
    public Persistence.PersistOutcome? Persist { get; init; }

    public IEnumerable<GroupResult> Failures => Results.Where(r => !r.Succeeded);

    public IEnumerable<EniDecision> InvalidEnis => Desired.Decisions.Where(d => d.Disposition is EniDisposition.Invalid or EniDisposition.NoSlot);

    /// <summary>0 converged; 1 when an ENI failed to apply or its metadata is invalid (the others were applied).</summary>
    public int ExitCode => Failures.Any() || InvalidEnis.Any() || Persist is { Failed: true } ? ExitCodes.Failed : ExitCodes.Ok;

    public int AppliedSteps => Results.Sum(r => r.Applied.Count);

    /// <summary>One line for logs and the systemd STATUS=.</summary>
    public string Summary()
    {
        var managed = Desired.Decisions.Count(d => d.Disposition == EniDisposition.Managed);
        var pending = Desired.Decisions.Count(d => d.Disposition == EniDisposition.Pending);
        var verb = Mode == ReconcileMode.DryRun ? $"{Plan.StepCount} change(s) planned" : $"{AppliedSteps} change(s) applied";
        var text = $"{managed} ENI(s) managed, {pending} pending, {InvalidEnis.Count()} invalid; {verb}";
        var failed = Failures.Count();
        return failed == 0 ? text : $"{text}; {failed} failed";
    }
}
