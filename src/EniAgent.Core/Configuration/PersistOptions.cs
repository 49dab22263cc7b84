namespace EniAgent.Core.Configuration;

/// <summary>How the agent persists configuration for the distro's network stack.</summary>
public sealed record PersistOptions
{
    public bool Enabled { get; init; } = true;

    /// <summary>Null: detect from the host.</summary>
    public RendererKind? Renderer { get; init; }

    public AddressingMode Addressing { get; init; } = AddressingMode.Static;
}
