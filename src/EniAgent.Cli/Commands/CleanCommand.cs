using System.CommandLine;
using EniAgent.Cli.Reconciliation;
using EniAgent.Core;
using EniAgent.Core.Planning;
using EniAgent.Netlink;
using EniAgent.Platform.Files;
using EniAgent.Platform.Host;
using EniAgent.Platform.Kernel;
using EniAgent.Platform.State;
using Microsoft.Extensions.Logging;

namespace EniAgent.Cli.Commands;

/// <summary>
/// <c>eniagent clean</c>: remove every rule, route, address and file eniagent owns, and its state — what to run
/// before capturing a custom image (stop the daemon first). Needs no metadata.
/// </summary>
internal static class CleanCommand
{
    public static Command Create(CommonOptions common)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be removed and change nothing" };
        var command = new Command("clean", "Remove everything eniagent created (rules, routes, addresses, files, state)")
        {
            dryRun, common.Config, common.Root, common.Verbose,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, common, async context =>
        {
            var apply = !parse.GetValue(dryRun);
            if (apply && !Privileges.HasNetAdmin())
            {
                await Console.Error.WriteLineAsync("eniagent: clean needs root (CAP_NET_ADMIN); try --dry-run");
                return ExitCodes.NoPermission;
            }

            var time = TimeProvider.System;
            using var held = apply ? await ReconcileCommand.AcquireLockAsync(context, time, ct) : null;
            using var netlink = RtnlConnection.Open();
            var kernel = await new NetlinkKernelProbe(netlink).ReadAsync(ct);
            var loaded = new JsonStateStore(context.Paths, new AtomicFileWriter(), time).Load(apply ? StateAccess.Apply : StateAccess.ReadOnly);
            if (loaded.Warning is { } warning)
            {
                await Console.Out.WriteLineAsync($"warning: {warning}");
            }

            var state = loaded.State;
            var owned = state.Addresses.ToDictionary(a => a.Mac, a => (IReadOnlySet<InterfaceAddress>)a.Addresses.ToHashSet());
            var plan = CleanupPlanner.Build(kernel, context.Options.Routing.Protocol, owned);

            var failed = 0;
            var applier = new NetlinkKernelApplier(netlink, context.Loggers.CreateLogger<NetlinkKernelApplier>());
            foreach (var group in plan.Groups)
            {
                foreach (var step in group.Steps)
                {
                    await Console.Out.WriteLineAsync(step.Describe());
                }

                if (apply && !(await applier.ApplyAsync(group, ct)).Succeeded)
                {
                    failed++;
                }
            }

            // Files: every file carrying our header that we wrote or that sits in a renderer folder with our brand.
            var files = new OwnedFileSet(context.Paths, new AtomicFileWriter());
            var candidates = state.Files.Concat(Rendering.RendererCatalog.Directories.SelectMany(d => files.List(d, "*" + Rendering.BrandedFile.Brand + "*")));
            var filePlan = files.Plan([], candidates, Rendering.OwnershipHeader.IsOwned, adopt: false);
            foreach (var action in filePlan.Actions.Where(a => a.ChangesDisk))
            {
                await Console.Out.WriteLineAsync($"- file {action.Path}");
            }

            if (apply)
            {
                failed += files.Apply(filePlan).Count(r => r.Status == FileApplyStatus.Failed);
            }

            if (apply && failed == 0 && File.Exists(context.Paths.StateFile))
            {
                File.Delete(context.Paths.StateFile);
                await Console.Out.WriteLineAsync($"- state {context.Paths.StateFile}");
            }

            await Console.Out.WriteLineAsync(plan.IsEmpty && !filePlan.HasChanges ? "nothing to remove" : $"{plan.StepCount + filePlan.Actions.Count(a => a.ChangesDisk)} object(s) {(apply ? "removed" : "would be removed")}");
            return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }
}
