using EniAgent.Core.Files;

namespace EniAgent.Platform.Files;

/// <summary>What happened to one planned action (logical path).</summary>
public sealed record FileApplyResult(string Path, FileActionKind Kind, FileApplyStatus Status, string Detail);
