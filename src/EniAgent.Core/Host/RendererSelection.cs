using EniAgent.Core.Configuration;

namespace EniAgent.Core.Host;

/// <summary>The renderer chosen and every probe verdict that led there.</summary>
public sealed record RendererSelection(RendererKind Renderer, ValueList<ProbeVerdict> Verdicts);
