using EniAgent.TestKit.Processes;

namespace EniAgent.TestKit.Topology;

/// <summary>How <see cref="EcsTopology.RunAgentAsync(AgentRunOptions, string[])"/> runs <c>eniagent</c> inside the guest.</summary>
public sealed record AgentRunOptions
{
    public static AgentRunOptions Default { get; } = new();

    /// <summary>Append <c>--root</c> <see cref="EcsTopology.Root"/> to the arguments (on by default).</summary>
    public bool PassRoot { get; init; } = true;

    /// <summary>Run as user and group 65534 without capabilities (<c>setpriv</c>), to see the agent refuse.</summary>
    public bool Unprivileged { get; init; }

    /// <summary>A hang past this kills the agent and fails the call.</summary>
    public TimeSpan Timeout { get; init; } = AgentCommand.HangGuard;

    /// <summary>Extra environment variables (null removes one).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
}
