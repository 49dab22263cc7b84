using System.CommandLine;
using EniAgent.Cli.Reconciliation;
using EniAgent.Cli.Status;

namespace EniAgent.Cli.Commands;

/// <summary><c>eniagent status</c>: per ENI, desired against actual, and why. Changes nothing.</summary>
internal static class StatusCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("status", "Show every ENI: role, addresses desired and actual, table, rules, state and reason")
        {
            common.Json, common.Config, common.Root, common.MetadataUrl, common.Verbose,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, common, async context =>
        {
            using var services = new AgentServices(context, TimeProvider.System);
            var outcome = await services.Reconciler.RunAsync(context.Options, ReconcileMode.DryRun, ct);
            var rows = StatusReport.Build(outcome);
            await Console.Out.WriteAsync(parse.GetValue(common.Json)
                ? StatusJson.Render(outcome.Metadata, rows, outcome.Warnings, outcome.Persist?.Selection)
                : StatusText.Render(outcome.Metadata, rows, outcome.Warnings, outcome.Persist?.Selection));
            return rows.Any(r => r.State is EniState.Invalid) ? ExitCodes.Failed : ExitCodes.Ok;
        }));
        return command;
    }
}
