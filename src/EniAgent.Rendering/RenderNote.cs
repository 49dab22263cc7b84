namespace EniAgent.Rendering;

/// <summary>A remark about a render: a gap between the format and the live layout, or a host check result.</summary>
public sealed record RenderNote(NoteSeverity Severity, string? EniId, string Message)
{
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {(EniId is null ? string.Empty : EniId + ": ")}{Message}";
}
