using System.Net.NetworkInformation;
using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;
using EniAgent.Core.Metadata;
using EniAgent.Core.Planning;
using EniAgent.Core.State;
using EniAgent.Cli.Persistence;
using EniAgent.Platform.Files;
using EniAgent.Rendering;
using EniAgent.Metadata;
using EniAgent.Platform.Kernel;
using EniAgent.Platform.State;
using Microsoft.Extensions.Logging;

namespace EniAgent.Cli.Reconciliation;

/// <summary>
/// One pass of observe → desire → plan → apply. The caller holds the reconcile lock. A metadata failure
/// throws before anything is changed; one ENI failing does not stop the others.
/// </summary>
internal sealed partial class Reconciler(
    IMetadataSource metadataSource,
    IKernelProbe kernelProbe,
    IKernelApplier kernelApplier,
    IStateStore stateStore,
    TimeProvider time,
    ILogger<Reconciler> logger,
    ConfigPersister? persister = null)
{
    public async Task<ReconcileOutcome> RunAsync(AgentOptions options, ReconcileMode mode, CancellationToken cancellationToken, bool adopt = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        var warnings = new List<string>();

        // Metadata first: if it cannot be read, nothing below runs and nothing is removed.
        var metadata = await metadataSource.ReadAsync(cancellationToken).ConfigureAwait(false);
        var kernel = await kernelProbe.ReadAsync(cancellationToken).ConfigureAwait(false);
        // A dry run changes nothing on disk, not even a corrupt state file: only applying moves it aside.
        var loaded = stateStore.Load(mode == ReconcileMode.Apply ? StateAccess.Apply : StateAccess.ReadOnly);
        if (loaded.Warning is { } stateWarning)
        {
            warnings.Add(stateWarning);
        }

        var layout = new RoutingLayout(options.Routing);
        var foreign = new ForeignUsage(kernel, layout, loaded.State.Slots.Select(s => s.Slot));
        warnings.AddRange(foreign.Describe());
        var listedIds = metadata.Enis.Where(e => !e.Mac.Equals(metadata.PrimaryMac)).Select(e => e.EniId)
            .Concat(metadata.InvalidEnis.Where(e => e.EniId is not null && !(e.Mac?.Equals(metadata.PrimaryMac) ?? false)).Select(e => e.EniId!));
        var slots = SlotBook.Reconcile(loaded.State, listedIds, layout, foreign.IsInUse, time.GetUtcNow());
        var desired = DesiredStateBuilder.Build(metadata, kernel.Links, options, slots.AttachedSlots);
        var state = slots.State;
        warnings.AddRange(desired.Decisions.Where(d => d.Ipv6Skipped is not null).Select(d => d.Ipv6Skipped!.Warning(d.EniId ?? "?")));

        var (protectedMacs, protectedSlots) = Protection(desired, state, layout);
        var owned = state.Addresses.ToDictionary(a => a.Mac, a => (IReadOnlySet<InterfaceAddress>)a.Addresses.ToHashSet());
        var plan = Planner.Build(new PlannerInput(desired, kernel, layout, owned, protectedMacs, protectedSlots));
        warnings.AddRange(plan.Warnings);

        var results = new List<GroupResult>();
        PersistOutcome? persisted = null;
        if (mode == ReconcileMode.DryRun)
        {
            Persist(options, desired, state, apply: false, adopt, out persisted);
        }
        else
        {
            foreach (var group in plan.Groups)
            {
                var result = await kernelApplier.ApplyAsync(group, cancellationToken).ConfigureAwait(false);
                results.Add(result);
                state = RecordAddresses(state, result, kernel);
            }

            state = Persist(options, desired, state, apply: true, adopt, out persisted);
            if (persisted is not null && persister is not null)
            {
                await persister.NotifyStackAsync(persisted, desired, cancellationToken).ConfigureAwait(false);
                await persister.SweepStackAsync(persisted, desired, cancellationToken).ConfigureAwait(false);
            }

            // Ownership records of links that are gone are moot: the kernel removed those addresses with the link.
            state = state with { Addresses = state.Addresses.Where(a => kernel.FindLink(a.Mac) is not null).ToValueList() };
            if (state != loaded.State)
            {
                stateStore.Save(state);
            }
        }

        if (persisted is not null)
        {
            warnings.AddRange(persisted.Notes.Where(n => n.Severity != NoteSeverity.Info).Select(n => $"persist: {n}"));
        }

        foreach (var warning in warnings)
        {
            LogWarning(logger, warning);
        }

        return new ReconcileOutcome(mode, metadata, kernel, desired, plan, state, results.ToValueList(), warnings.ToValueList()) { Persist = persisted };
    }

    private AgentState Persist(AgentOptions options, DesiredState desired, AgentState state, bool apply, bool adopt, out PersistOutcome? outcome)
    {
        if (persister is null)
        {
            outcome = null;
            return state;
        }

        (outcome, state) = persister.Run(desired, options, state, apply, adopt);
        foreach (var result in outcome.Results.Where(r => r.Status is FileApplyStatus.Applied or FileApplyStatus.Failed))
        {
            LogFile(logger, result.Kind.ToString().ToLowerInvariant(), result.Path, result.Detail);
        }

        return state;
    }

    /// <summary>
    /// ENIs whose metadata is invalid or that are excluded keep everything they have. When an invalid ENI
    /// cannot be tied to a slot (its ID is the bad value), every slot not in active use is protected.
    /// </summary>
    private static (IReadOnlySet<PhysicalAddress> Macs, IReadOnlySet<int> Slots) Protection(DesiredState desired, AgentState state, RoutingLayout layout)
    {
        var macs = new HashSet<PhysicalAddress>();
        var slots = new HashSet<int>();
        var slotMap = state.SlotMap;
        foreach (var decision in desired.Decisions.Where(d => d.Disposition is EniDisposition.Invalid or EniDisposition.Excluded))
        {
            if (decision.Mac is { } mac)
            {
                macs.Add(mac);
            }

            if (decision.EniId is { } id && slotMap.TryGetValue(id, out var slot))
            {
                slots.Add(slot);
            }
            else if (decision.Disposition == EniDisposition.Invalid)
            {
                var active = desired.Enis.Where(e => e.Slot is not null).Select(e => e.Slot!.Value).ToHashSet();
                slots.UnionWith(Enumerable.Range(0, layout.Options.MaxSlots).Where(s => !active.Contains(s)));
            }
        }

        return (macs, slots);
    }

    private static AgentState RecordAddresses(AgentState state, GroupResult result, KernelSnapshot kernel)
    {
        foreach (var step in result.Applied)
        {
            switch (step)
            {
                case AddAddressStep add when MacOf(kernel, add.LinkIndex) is { } mac:
                    state = state.WithAddresses(mac, state.AddressesOf(mac).Append(add.Address.Address));
                    break;
                case RemoveAddressStep remove when MacOf(kernel, remove.LinkIndex) is { } mac:
                    state = state.WithAddresses(mac, state.AddressesOf(mac).Where(a => a != remove.Address));
                    break;
            }
        }

        return state;
    }

    private static PhysicalAddress? MacOf(KernelSnapshot kernel, int linkIndex) => kernel.Links.FirstOrDefault(l => l.Index == linkIndex)?.Mac;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "file {Action} {Path}: {Detail}")]
    private static partial void LogFile(ILogger logger, string action, string path, string detail);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);
}
