namespace EniAgent.Platform.Stacks;

/// <summary>
/// One persisted file that was written or removed (logical path). <see cref="Content"/> is the new content, or
/// for a removal the content it had; <see cref="InterfaceName"/> is the link it configures when known.
/// </summary>
public sealed record StackFileChange(string Path, bool Removed, string Content, string? InterfaceName);
