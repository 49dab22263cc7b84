namespace EniAgent.Core.Files;

/// <summary>
/// A file found on disk when planning. <see cref="Content"/> is null when the path is not a regular file
/// (a symlink, a folder) or cannot be read; such paths are never written through, adopted or deleted.
/// </summary>
public sealed record ExistingFile(string Path, string? Content, UnixFileMode Mode)
{
    public bool IsRegularFile => Content is not null;
}
