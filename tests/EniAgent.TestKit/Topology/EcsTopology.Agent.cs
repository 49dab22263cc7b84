using System.Collections.Concurrent;
using EniAgent.TestKit.Processes;

namespace EniAgent.TestKit.Topology;

/// <summary>Running the real <c>eniagent</c> inside the guest, as a child process.</summary>
public sealed partial class EcsTopology
{
    private readonly ConcurrentBag<ChildProcess> _agents = [];

    /// <summary>Runs <c>eniagent ARGS --root Root</c> inside the guest and waits for it.</summary>
    public Task<ProcessResult> RunAgentAsync(params string[] arguments) => RunAgentAsync(AgentRunOptions.Default, arguments);

    public async Task<ProcessResult> RunAgentAsync(AgentRunOptions options, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var agent = StartAgent(options, arguments);
        return await agent.WaitForExitAsync(options.Timeout);
    }

    /// <summary>Starts <c>eniagent ARGS</c> inside the guest without waiting (a daemon); dispose it to kill it.</summary>
    public ChildProcess StartAgent(AgentRunOptions options, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(arguments);
        var (program, commandLine) = AgentCommand.Build([.. arguments, .. options.PassRoot ? (string[])["--root", Root] : []], Guest.Name, options.Unprivileged);
        var agent = ChildProcess.Start(program, commandLine, AgentCommand.Environment(options.Environment));
        _agents.Add(agent);
        return agent;
    }
}
