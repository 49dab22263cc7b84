using EniAgent.Core;
using EniAgent.Core.Files;
using EniAgent.Core.Host;
using EniAgent.Platform.Files;
using EniAgent.Rendering;

namespace EniAgent.Cli.Persistence;

/// <summary>What persisting did: the renderer chosen and why, the file plan, and per-file results (empty on a dry run).</summary>
internal sealed record PersistOutcome(
    RendererSelection Selection,
    FilePlan Plan,
    ValueList<FileApplyResult> Results,
    ValueList<RenderNote> Notes,
    string? Error)
{
    public bool Failed => Error is not null || Plan.Conflicts.Any() || Results.Any(r => r.Status == FileApplyStatus.Failed);
}
