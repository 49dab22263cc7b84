using EniAgent.Core.Configuration;
using EniAgent.Core.Files;
using EniAgent.Core.Kernel;
using EniAgent.Platform.Files;
using EniAgent.Platform.Stacks;
using EniAgent.Rendering;

namespace EniAgent.Cli.Persistence;

/// <summary>
/// After <c>eniagent clean</c> removed our persisted files: tells each stack that had taken them (systemd-networkd,
/// netplan via networkd, NetworkManager) that they are gone, per interface, so it drops what it configured from them
/// — its own copies of our rules and routes, which eniagent never deletes itself (docs/routing.md, Ownership).
/// The link of a file is the one whose MAC its header names.
/// </summary>
internal static class StackRelease
{
    public static async Task<IReadOnlyList<StackNotifyResult>> RunAsync(
        INetworkStackNotifier notifier, FilePlan plan, IEnumerable<FileApplyResult> results, KernelSnapshot kernel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(kernel);
        var applied = results.ToList();
        string? InterfaceOf(string content) => OwnershipHeader.MacOf(content) is { } mac ? kernel.FindLink(mac)?.Name : null;

        var outcomes = new List<StackNotifyResult>();
        foreach (var kind in new[] { RendererKind.Networkd, RendererKind.Netplan, RendererKind.NetworkManager })
        {
            var changes = StackChangeSet.FromApplied(kind, plan, applied.Where(r => RendererCatalog.PickedUpBy(r.Path) == kind), InterfaceOf);
            if (changes.Files.Count > 0)
            {
                outcomes.Add(await notifier.NotifyAsync(changes, cancellationToken).ConfigureAwait(false));
            }
        }

        return outcomes;
    }
}
