using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Core.Files;
using EniAgent.Core.Host;
using EniAgent.Core.State;
using EniAgent.Platform.Files;
using EniAgent.Platform.Host;
using EniAgent.Platform.Stacks;
using EniAgent.Rendering;

namespace EniAgent.Cli.Persistence;

/// <summary>
/// Writes the desired state in the format of the stack that manages this host, so it survives reboot.
/// Only files carrying our header are changed or deleted; files of ENIs that are pending, invalid or
/// excluded are kept; a file in the way that is not ours is a conflict unless adopting. With a notifier, the running
/// stack is then told to pick up the files that changed, per interface (<see cref="NotifyStackAsync"/>).
/// </summary>
internal sealed class ConfigPersister(HostPaths paths, OwnedFileSet files, INetworkStackNotifier? notifier = null)
{
    public (PersistOutcome Outcome, AgentState State) Run(DesiredState desired, AgentOptions options, AgentState state, bool apply, bool adopt, OsRelease? osRelease = null)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        var primaryName = desired.Decisions.FirstOrDefault(d => d.Role == EniRole.Primary)?.InterfaceName;
        var facts = new HostProbe(paths).Probe(primaryName);
        if (osRelease is not null)
        {
            facts = facts with { OsRelease = osRelease };
        }

        var selection = RendererSelector.Select(facts, options.Persist.Renderer);
        if (!options.Persist.Enabled || selection.Renderer == RendererKind.None || !RendererCatalog.TryGet(selection.Renderer, out var renderer))
        {
            return (new PersistOutcome(selection, new FilePlan([]), [], [], null), state);
        }

        RenderResult rendered;
        try
        {
            // Only ENIs whose link is present: the formats name the interface.
            var present = desired with { Enis = desired.Enis.Where(e => e.InterfaceName is not null).ToValueList() };
            var flavor = IfcfgFlavorOf(facts);
            rendered = renderer.Render(RenderRequest.FromDesired(present, options, flavor));
        }
        catch (RenderException ex)
        {
            return (new PersistOutcome(selection, new FilePlan([]), [], [], ex.Message), state);
        }

        var kept = KeptOwners(desired);

        // An invalid ENI whose ID is unusable cannot be tied to its files: then only the files of the ENIs managed
        // now may change (every other file of ours is kept, but a managed ENI's own file is still updated).
        var onlyManaged = desired.Decisions.Any(d => d.Disposition == EniDisposition.Invalid && d.EniId is null)
            ? desired.Decisions.Where(d => d.Disposition == EniDisposition.Managed && d.EniId is not null).Select(d => d.EniId!).ToHashSet(StringComparer.Ordinal)
            : null;
        bool IsOurs(string content) =>
            OwnershipHeader.IsOwned(content) && OwnershipHeader.OwnerOf(content) is var owner
            && (onlyManaged is null ? owner is null || !kept.Contains(owner) : owner is not null && onlyManaged.Contains(owner));

        var wanted = rendered.Files.Select(f => new DesiredFile(f.Path, f.Content, f.Mode)).ToList();
        var candidates = state.Files.Concat(RendererCatalog.Directories.SelectMany(d => files.List(d, "*" + BrandedFile.Brand + "*")));
        var plan = files.Plan(wanted, candidates, IsOurs, adopt);
        if (!apply)
        {
            return (new PersistOutcome(selection, plan, [], rendered.Notes, null), state);
        }

        var results = files.Apply(plan);
        var pickup = PickupSelector.Select(selection.Renderer, facts);
        var gone = results.Where(r => r.Kind == FileActionKind.Delete && r.Status == FileApplyStatus.Applied).Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        var written = plan.Actions.Where(a => a.Kind is FileActionKind.Create or FileActionKind.Update or FileActionKind.Adopt or FileActionKind.Unchanged).Select(a => a.Path);
        state = state.WithFiles(state.Files.Where(p => !gone.Contains(p)).Concat(written));
        return (new PersistOutcome(selection, plan, results, rendered.Notes, null) { Pickup = pickup }, state);
    }

    /// <summary>
    /// Tells the stack that manages the network (NetworkManager for keyfiles and, with ifcfg-rh, ifcfg files;
    /// systemd-networkd for networkd files and netplan rendering for it) to pick up the files <see cref="Run"/> created,
    /// updated or deleted, per affected interface and never by restarting anything. Null when there is no notifier or
    /// nothing changed on disk.
    /// </summary>
    public async Task<StackNotifyResult?> NotifyStackAsync(PersistOutcome outcome, DesiredState desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(desired);
        var changes = StackChangeSet.FromApplied(outcome.Selection.Renderer, outcome.Plan, outcome.Results, content => InterfaceOf(content, desired));
        if (outcome.Pickup is { } pickup)
        {
            changes = changes with { Stack = pickup.Stack, StackReason = pickup.Reason };
        }

        return notifier is null || changes.Files.Count == 0 ? null : await notifier.NotifyAsync(changes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every apply pass: when NetworkManager takes our files, asks it about the devices whose profile file was already
    /// in place (unchanged this pass, of an ENI managed now), so an auto-default profile it generated there meanwhile
    /// is replaced by ours (<see cref="INetworkStackNotifier.SweepAsync"/>). Null, with no D-Bus call at all, when
    /// there is no notifier, NetworkManager is not the stack told, or no such file exists.
    /// </summary>
    public async Task<StackNotifyResult?> SweepStackAsync(PersistOutcome outcome, DesiredState desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(desired);
        if (notifier is null || outcome.Pickup?.Stack != PickupStack.NetworkManager)
        {
            return null;
        }

        var managed = desired.Enis.Where(e => e.InterfaceName is not null).ToDictionary(e => e.EniId, e => e.InterfaceName!, StringComparer.Ordinal);
        var inPlace = outcome.Plan.Actions
            .Where(a => a.Kind == FileActionKind.Unchanged && a.NewContent is not null)
            .Select(a => OwnershipHeader.OwnerOf(a.NewContent!) is { } id && managed.TryGetValue(id, out var link) ? new StackFileChange(a.Path, false, a.NewContent!, link) : null)
            .OfType<StackFileChange>()
            .ToValueList();
        if (inPlace.Count == 0)
        {
            return null;
        }

        var current = new StackChangeSet(outcome.Selection.Renderer, inPlace) { Stack = PickupStack.NetworkManager };
        return await notifier.SweepAsync(current, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The link an owned file configures: its header names the ENI, the desired state (or decision) its link.</summary>
    private static string? InterfaceOf(string content, DesiredState desired) =>
        OwnershipHeader.OwnerOf(content) is { } eniId
            ? desired.Enis.FirstOrDefault(e => e.EniId == eniId)?.InterfaceName ?? desired.Decisions.FirstOrDefault(d => d.EniId == eniId)?.InterfaceName
            : null;

    /// <summary>
    /// Who will read ifcfg files: NetworkManager when it runs or is installed; with no evidence (an image
    /// folder), RHEL 8 and later default to NetworkManager, older releases to network-scripts.
    /// </summary>
    private static IfcfgFlavor IfcfgFlavorOf(HostFacts facts)
    {
        if (facts.IsRunning(NetworkDaemon.NetworkManager) || facts.NmReadsIfcfg || facts.NetworkManagerBinary)
        {
            return IfcfgFlavor.NetworkManager;
        }

        var oldRelease = facts.OsRelease is { MajorVersion: { } major } os && (os.Id is "alinux" or "aliyun" ? major <= 2 : major <= 7);
        return facts.NetworkScriptsDir && (oldRelease || facts.OsRelease is null) || oldRelease ? IfcfgFlavor.NetworkScripts : IfcfgFlavor.NetworkManager;
    }

    private static HashSet<string> KeptOwners(DesiredState desired) =>
        desired.Decisions
            .Where(d => d.EniId is not null && d.Disposition is EniDisposition.Pending or EniDisposition.Invalid or EniDisposition.Excluded or EniDisposition.NoSlot)
            .Select(d => d.EniId!)
            .ToHashSet(StringComparer.Ordinal);
}
