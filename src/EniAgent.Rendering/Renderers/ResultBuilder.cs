using EniAgent.Core;

namespace EniAgent.Rendering.Renderers;

/// <summary>Collects files and notes; the result is sorted by path and refuses two files at one path.</summary>
internal sealed class ResultBuilder
{
    public const UnixFileMode Mode0644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public const UnixFileMode Mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly List<RenderedFile> _files = [];

    public List<RenderNote> Notes { get; } = [];

    public void Add(string path, string content, UnixFileMode mode, string? owner)
    {
        if (_files.Any(f => string.Equals(f.Path, path, StringComparison.Ordinal)))
        {
            throw new RenderException(owner, path, "path", path, "would be written twice");
        }

        _files.Add(new RenderedFile(path, content, mode, owner));
    }

    public void Note(NoteSeverity severity, string? eniId, string message) => Notes.Add(new RenderNote(severity, eniId, message));

    public RenderResult Build() => new(
        _files.OrderBy(f => f.Path, StringComparer.Ordinal).ToValueList(),
        Notes.Distinct().ToValueList());
}
