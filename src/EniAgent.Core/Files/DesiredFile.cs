namespace EniAgent.Core.Files;

/// <summary>A file the agent wants to exist, at its logical absolute path (as the host sees it).</summary>
public sealed record DesiredFile(string Path, string Content, UnixFileMode Mode);
