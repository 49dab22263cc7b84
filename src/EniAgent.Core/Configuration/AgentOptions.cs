namespace EniAgent.Core.Configuration;

/// <summary>The agent's configuration (<c>/etc/eniagent/eniagent.yaml</c>); every default documented in docs/configuration.md.</summary>
public sealed record AgentOptions
{
    public MetadataOptions Metadata { get; init; } = new();

    public RoutingOptions Routing { get; init; } = new();

    /// <summary>ENIs left alone, each matched by MAC, ENI ID or interface name.</summary>
    public ValueList<string> Exclude { get; init; } = [];

    /// <summary>Opt-in: add the primary ENI's secondary private IPs (its primary address, routes and default route stay untouched).</summary>
    public bool ManagePrimarySecondaryIps { get; init; }

    public bool Ipv6 { get; init; } = true;

    public PersistOptions Persist { get; init; } = new();

    public DaemonOptions Daemon { get; init; } = new();

    public LogLevelOption LogLevel { get; init; } = LogLevelOption.Information;
}
