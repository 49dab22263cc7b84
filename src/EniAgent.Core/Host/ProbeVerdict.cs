using EniAgent.Core.Configuration;

namespace EniAgent.Core.Host;

/// <summary>One probe's finding, shown by <c>eniagent status</c>; <see cref="Suggests"/> is null when it found nothing decisive.</summary>
public sealed record ProbeVerdict(string Probe, RendererKind? Suggests, string Reason)
{
    public override string ToString() => $"{Probe}: {(Suggests is { } r ? r.ToString().ToLowerInvariant() : "-")}: {Reason}";
}
