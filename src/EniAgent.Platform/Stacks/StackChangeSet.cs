using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Core.Files;
using EniAgent.Core.Host;
using EniAgent.Platform.Files;

namespace EniAgent.Platform.Stacks;

/// <summary>
/// The files of one renderer that changed on disk in one pass, and the running stack to tell (by default the one
/// that reads the format; <see cref="PickupSelector"/> picks it from the host's facts).
/// </summary>
public sealed record StackChangeSet(RendererKind Renderer, ValueList<StackFileChange> Files)
{
    private readonly PickupStack? _stack;

    /// <summary>Unless set, follows <see cref="Renderer"/> (also across <c>with { Renderer = ... }</c>).</summary>
    public PickupStack Stack
    {
        get => _stack ?? PickupSelector.ByFormat(Renderer);
        init => _stack = value;
    }

    /// <summary>Why <see cref="Stack"/> was chosen; reported when nobody is told.</summary>
    public string? StackReason { get; init; }

    /// <summary>
    /// The changes a file plan made: created, updated, adopted and deleted files whose step was applied.
    /// <paramref name="interfaceOf"/> names the link a file's content belongs to (null when unknown).
    /// </summary>
    public static StackChangeSet FromApplied(RendererKind renderer, FilePlan plan, IEnumerable<FileApplyResult> results, Func<string, string?> interfaceOf)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(interfaceOf);
        var changes = new List<StackFileChange>();
        foreach (var result in results.Where(r => r.Status == FileApplyStatus.Applied))
        {
            var action = plan.Actions.FirstOrDefault(a => a.Path == result.Path && a.Kind == result.Kind);
            var removed = result.Kind == FileActionKind.Delete;
            var content = removed ? action?.CurrentContent : action?.NewContent;
            if (action is null || !action.ChangesDisk || content is null)
            {
                continue;
            }

            changes.Add(new StackFileChange(result.Path, removed, content, interfaceOf(content)));
        }

        return new StackChangeSet(renderer, changes.ToValueList());
    }
}
