namespace EniAgent.Cli.Reconciliation;

internal enum ReconcileMode
{
    /// <summary>Compute and report the plan; change nothing (no kernel change, no file, no state).</summary>
    DryRun,

    Apply,
}
