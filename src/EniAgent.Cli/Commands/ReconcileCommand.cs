using System.CommandLine;
using EniAgent.Cli.Output;
using EniAgent.Cli.Reconciliation;
using EniAgent.Platform.Host;
using EniAgent.Platform.Locking;

namespace EniAgent.Cli.Commands;

/// <summary><c>eniagent reconcile</c>: make every secondary ENI work now, or show the plan.</summary>
internal static class ReconcileCommand
{
    /// <summary>A daemon reconcile in flight finishes in well under this; waiting longer means something is stuck.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(60);

    public static Command Create(CommonOptions common)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan (per ENI: + add, - remove, ~ change) and change nothing" };
        var adopt = new Option<bool>("--adopt") { Description = "Take over files in eniagent's way that it did not write (originals kept as .eniagent-bak)" };
        var command = new Command("reconcile", "Configure every secondary ENI now: addresses, routes, rules (and persisted files)")
        {
            dryRun, adopt, common.Json, common.Config, common.Root, common.MetadataUrl, common.Verbose,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, common, async context =>
        {
            var mode = parse.GetValue(dryRun) ? ReconcileMode.DryRun : ReconcileMode.Apply;
            if (mode == ReconcileMode.Apply && !Privileges.HasNetAdmin())
            {
                await Console.Error.WriteLineAsync("eniagent: reconcile needs root (CAP_NET_ADMIN); try --dry-run");
                return ExitCodes.NoPermission;
            }

            var time = TimeProvider.System;
            using var services = new AgentServices(context, time);

            // The daemon holds the same lock while it reconciles: the two never interleave.
            using var held = mode == ReconcileMode.Apply ? await AcquireLockAsync(context, time, ct) : null;
            var outcome = await services.Reconciler.RunAsync(context.Options, mode, ct, parse.GetValue(adopt));
            await Console.Out.WriteAsync(parse.GetValue(common.Json) ? ReconcileJson.Render(outcome) : PlanText.Render(outcome));
            return outcome.ExitCode;
        }));
        return command;
    }

    internal static async Task<FileLock> AcquireLockAsync(AgentContext context, TimeProvider time, CancellationToken ct)
    {
        Directory.CreateDirectory(context.Paths.RunDir);
        if (FileLock.TryAcquire(context.Paths.LockFile) is { } free)
        {
            return free;
        }

        var holder = FileLock.ReadHolder(context.Paths.LockFile);
        await Console.Error.WriteLineAsync($"eniagent: waiting for the reconcile lock held by {holder?.ToString() ?? "another process"}");
        return await FileLock.AcquireAsync(context.Paths.LockFile, LockTimeout, time, ct);
    }
}
