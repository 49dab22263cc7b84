namespace EniAgent.Rendering;

/// <summary>
/// One file to write. <see cref="Path"/> is absolute (the writer may prefix a root); <see cref="Content"/> is
/// LF-terminated text starting with the ownership header; <see cref="OwnerEniId"/> is null for files shared by all ENIs.
/// </summary>
public sealed record RenderedFile(string Path, string Content, UnixFileMode Mode, string? OwnerEniId);
