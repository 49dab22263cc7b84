namespace EniAgent.Cli.Tests.Daemon.Support;

/// <summary>One row of <c>ip -j rule</c>.</summary>
internal sealed record RuleRow(int Priority, string Source, string Table, string? Protocol)
{
    /// <summary>Created by eniagent (protocol 201, or its name where iproute2 knows it).</summary>
    public bool IsAgents => Protocol is "201" or "eniagent";
}
