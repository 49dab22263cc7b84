using EniAgent.Core;
using EniAgent.Core.Files;
using EniAgent.Core.Host;
using EniAgent.Platform.Files;
using EniAgent.Rendering;

namespace EniAgent.Cli.Persistence;

/// <summary>
/// What persisting did: the renderer chosen and why, the file plan, per-file results (empty on a dry run), and the
/// running stack to tell about the changed files (<see cref="PickupSelector"/>).
/// </summary>
internal sealed record PersistOutcome(
    RendererSelection Selection,
    FilePlan Plan,
    ValueList<FileApplyResult> Results,
    ValueList<RenderNote> Notes,
    string? Error)
{
    public PickupChoice? Pickup { get; init; }

    public bool Failed => Error is not null || Plan.Conflicts.Any() || Results.Any(r => r.Status == FileApplyStatus.Failed);
}
