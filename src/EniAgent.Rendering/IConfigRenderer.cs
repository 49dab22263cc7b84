using EniAgent.Core.Configuration;

namespace EniAgent.Rendering;

/// <summary>
/// Turns the desired state of the secondary ENIs into the files of one network stack's persisted format.
/// Pure: no I/O; the same request always gives byte-identical files.
/// </summary>
public interface IConfigRenderer
{
    RendererKind Kind { get; }

    /// <summary>Renders every file for the request. Throws <see cref="RenderException"/> rather than write an unsafe value.</summary>
    RenderResult Render(RenderRequest request);
}
