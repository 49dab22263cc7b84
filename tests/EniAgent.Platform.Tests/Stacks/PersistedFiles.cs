using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Core.Files;
using EniAgent.Platform.Files;
using EniAgent.Platform.Stacks;
using EniAgent.Rendering;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Platform.Tests.Stacks;

/// <summary>
/// Writes a renderer's files below a stack root the way ConfigPersister does during a reconcile (owned-file plan,
/// atomic writes, deletion of our files no longer wanted) and returns the change set it hands to the notifier.
/// </summary>
internal static class PersistedFiles
{
    public static StackChangeSet Write(StackRoot root, RendererKind kind, DesiredState desired, AgentOptions options, IEnumerable<string> previous)
    {
        var rendered = RendererCatalog.For(kind).Render(RenderRequest.FromDesired(desired, options));
        var files = new OwnedFileSet(root.Paths, new AtomicFileWriter());
        var plan = files.Plan(rendered.Files.Select(f => new DesiredFile(f.Path, f.Content, f.Mode)), previous, OwnershipHeader.IsOwned, adopt: false);
        var results = files.Apply(plan);
        Assert.All(results, r => Assert.NotEqual(FileApplyStatus.Failed, r.Status));
        return StackChangeSet.FromApplied(kind, plan, results, content => InterfaceOf(content, desired));
    }

    /// <summary>Every path a change set wrote (the next pass's deletion candidates).</summary>
    public static IReadOnlyList<string> Paths(params StackChangeSet[] sets) =>
        [.. sets.SelectMany(s => s.Files).Where(f => !f.Removed).Select(f => f.Path).Distinct(StringComparer.Ordinal)];

    private static string? InterfaceOf(string content, DesiredState desired) =>
        OwnershipHeader.OwnerOf(content) is { } eniId
            ? desired.Enis.FirstOrDefault(e => e.EniId == eniId)?.InterfaceName ?? desired.Decisions.FirstOrDefault(d => d.EniId == eniId)?.InterfaceName
            : null;
}
