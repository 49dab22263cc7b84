using System.Text;
using EniAgent.Cli.Reconciliation;

namespace EniAgent.Cli.Output;

/// <summary>The human-readable plan / result of a reconcile: per group, one line per change.</summary>
internal static class PlanText
{
    public static string Render(ReconcileOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = new StringBuilder();
        foreach (var decision in outcome.Desired.Decisions.Where(d => d.Disposition is not Core.Desired.EniDisposition.Managed))
        {
            text.Append("# ").Append(decision.EniId ?? "?").Append(' ').Append(decision.Mac is null ? string.Empty : Core.MacAddress.Format(decision.Mac))
                .Append(": ").Append(ReconcileJson.KebabCase(decision.Disposition.ToString())).Append(" — ").AppendLine(decision.Reason);
        }

        if (outcome.Plan.IsEmpty)
        {
            text.AppendLine("nothing to change");
        }

        foreach (var group in outcome.Plan.Groups)
        {
            text.Append(group.Subject).AppendLine(":");
            var result = outcome.Results.FirstOrDefault(r => r.Group == group);
            foreach (var step in group.Steps)
            {
                text.Append("  ");
                if (result is not null && result.FailedStep == step)
                {
                    text.Append("! ").Append(step.Describe()).Append(" FAILED: ").AppendLine(result.Error);
                }
                else if (result is not null && !result.Applied.Contains(step))
                {
                    text.Append("  (skipped) ").AppendLine(step.Describe());
                }
                else
                {
                    text.AppendLine(step.Describe());
                }
            }
        }

        if (outcome.Persist is { } persist)
        {
            text.Append("persisted configuration (").Append(persist.Selection.Renderer.ToString().ToLowerInvariant()).AppendLine("):");
            if (persist.Error is not null)
            {
                text.Append("  ! ").AppendLine(persist.Error);
            }

            if (outcome.Mode == ReconcileMode.DryRun)
            {
                text.Append(persist.Plan.Diff());
            }

            foreach (var action in persist.Plan.Actions)
            {
                var result = persist.Results.FirstOrDefault(r => r.Path == action.Path);
                var mark = action.Kind switch
                {
                    Core.Files.FileActionKind.Create => "+",
                    Core.Files.FileActionKind.Delete => "-",
                    Core.Files.FileActionKind.Conflict => "!",
                    Core.Files.FileActionKind.Unchanged => "=",
                    _ => "~",
                };
                text.Append("  ").Append(mark).Append(" file ").Append(action.Path).Append(" (").Append(result?.Detail ?? action.Reason).AppendLine(")");
            }
        }

        foreach (var warning in outcome.Warnings)
        {
            text.Append("warning: ").AppendLine(warning);
        }

        text.AppendLine(outcome.Summary());
        return text.ToString();
    }
}
