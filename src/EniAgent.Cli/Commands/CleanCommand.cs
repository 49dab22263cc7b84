using System.CommandLine;
using EniAgent.Cli.Persistence;
using EniAgent.Cli.Reconciliation;
using EniAgent.Core;
using EniAgent.Core.Planning;
using EniAgent.Netlink;
using EniAgent.Platform.Files;
using EniAgent.Platform.Host;
using EniAgent.Platform.Kernel;
using EniAgent.Platform.Stacks;
using EniAgent.Platform.State;
using Microsoft.Extensions.Logging;

namespace EniAgent.Cli.Commands;

/// <summary>
/// <c>eniagent clean</c>: remove every rule, route, address and file eniagent owns, and its state — what to run
/// before capturing a custom image (stop the daemon first). Needs no metadata. The files go first, and the stack that
/// had taken them is told (per interface, over D-Bus), so it drops what it configured from them.
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
            var probe = new NetlinkKernelProbe(netlink);
            var kernel = await probe.ReadAsync(ct);
            var loaded = new JsonStateStore(context.Paths, new AtomicFileWriter(), time).Load(apply ? StateAccess.Apply : StateAccess.ReadOnly);
            if (loaded.Warning is { } warning)
            {
                await Console.Out.WriteLineAsync($"warning: {warning}");
            }

            var state = loaded.State;
            var failed = 0;

            // Files first: a stack that took them (networkd, NetworkManager) is told they are gone and drops what it
            // configured from them, its twins of our rules included; what is left of ours is then removed below.
            var files = new OwnedFileSet(context.Paths, new AtomicFileWriter());
            var candidates = state.Files.Concat(Rendering.RendererCatalog.Directories.SelectMany(d => files.List(d, "*" + Rendering.BrandedFile.Brand + "*")));
            var filePlan = files.Plan([], candidates, Rendering.OwnershipHeader.IsOwned, adopt: false);
            foreach (var action in filePlan.Actions.Where(a => a.ChangesDisk))
            {
                await Console.Out.WriteLineAsync($"- file {action.Path}");
            }

            if (apply && filePlan.HasChanges)
            {
                var results = files.Apply(filePlan);
                failed += results.Count(r => r.Status == FileApplyStatus.Failed);
                var notifier = new NetworkStackNotifier(context.Paths, context.Loggers.CreateLogger<NetworkStackNotifier>(), time);
                foreach (var outcome in await StackRelease.RunAsync(notifier, filePlan, results, kernel, ct))
                {
                    foreach (var step in outcome.Steps)
                    {
                        await Console.Out.WriteLineAsync($"~ {outcome.Stack}: {step}");
                    }
                }

                kernel = await probe.ReadAsync(ct);
            }

            var owned = state.Addresses.ToDictionary(a => a.Mac, a => (IReadOnlySet<InterfaceAddress>)a.Addresses.ToHashSet());
            var plan = CleanupPlanner.Build(kernel, context.Options.Routing.Protocol, owned);
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
