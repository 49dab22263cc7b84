using EniAgent.Core;

namespace EniAgent.Rendering;

/// <summary>The files of one render, sorted by path, and the notes about them.</summary>
public sealed record RenderResult(ValueList<RenderedFile> Files, ValueList<RenderNote> Notes);
