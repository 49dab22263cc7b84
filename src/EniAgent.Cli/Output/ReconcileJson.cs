using System.Text.Json;
using EniAgent.Cli.Reconciliation;
using EniAgent.Core;
using EniAgent.Core.Planning;

namespace EniAgent.Cli.Output;

/// <summary>The <c>reconcile --json</c> document (schema in docs/cli.md).</summary>
internal static class ReconcileJson
{
    public static string Render(ReconcileOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var dto = new ReconcileJsonDto(
            outcome.Mode == ReconcileMode.DryRun ? "dry-run" : "apply",
            outcome.ExitCode,
            outcome.Summary(),
            outcome.Desired.Decisions.Select(d => new EniDecisionJsonDto(
                d.EniId,
                d.Mac is null ? null : MacAddress.Format(d.Mac),
                d.InterfaceName,
                d.Role?.ToString().ToLowerInvariant(),
                KebabCase(d.Disposition.ToString()),
                d.Reason)).ToList(),
            outcome.Plan.Groups.Select(g =>
            {
                var result = outcome.Results.FirstOrDefault(r => r.Group == g);
                return new PlanGroupJsonDto(
                    g.Subject,
                    KebabCase(g.Kind.ToString()),
                    g.EniId,
                    g.Steps.Select(s => new PlanStepJsonDto(KebabCase(s.Kind.ToString()), s.Describe(), StatusOf(s, result))).ToList(),
                    result?.Error);
            }).ToList(),
            [.. outcome.Warnings])
        {
            Renderer = outcome.Persist?.Selection.Renderer.ToString().ToLowerInvariant(),
            Files = outcome.Persist?.Plan.Actions.Select(a =>
            {
                var result = outcome.Persist.Results.FirstOrDefault(r => r.Path == a.Path);
                return new FileJsonDto(a.Path, a.Kind.ToString().ToLowerInvariant(), result is null ? "planned" : KebabCase(result.Status.ToString()), result?.Detail ?? a.Reason);
            }).ToList() ?? [],
        };
        return JsonSerializer.Serialize(dto, CliJson.Context.ReconcileJsonDto) + "\n";
    }

    private static string StatusOf(PlanStep step, Platform.Kernel.GroupResult? result) =>
        result is null ? "planned"
        : result.FailedStep == step ? "failed"
        : result.Applied.Contains(step) ? "applied"
        : "skipped";

    internal static string KebabCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
