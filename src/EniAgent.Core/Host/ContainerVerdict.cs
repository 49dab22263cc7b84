namespace EniAgent.Core.Host;

/// <summary>Whether the agent runs in a container, and the evidence.</summary>
public sealed record ContainerVerdict(bool IsContainer, string Reason);
