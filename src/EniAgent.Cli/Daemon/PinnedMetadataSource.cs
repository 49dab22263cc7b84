using EniAgent.Core.Metadata;
using EniAgent.Metadata;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// Hands the reconciler the snapshot the daemon chose for this pass: a fresh read, or the last good one when only
/// the kernel changed or the service is down. The daemon reads metadata itself, so a failed read never holds the
/// reconcile lock and a reconcile triggered by the kernel costs no request.
/// </summary>
internal sealed class PinnedMetadataSource : IMetadataSource
{
    public MetadataSnapshot? Snapshot { get; set; }

    public Task<MetadataSnapshot> ReadAsync(CancellationToken cancellationToken) =>
        Snapshot is { } snapshot ? Task.FromResult(snapshot) : throw new InvalidOperationException("no metadata snapshot pinned for this reconcile");
}
