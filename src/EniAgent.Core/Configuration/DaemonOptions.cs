namespace EniAgent.Core.Configuration;

/// <summary>Timings of <c>eniagent daemon</c>.</summary>
public sealed record DaemonOptions
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan ResyncInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a link metadata does not list yet is polled for, with backoff.</summary>
    public TimeSpan HotplugDeadline { get; init; } = TimeSpan.FromMinutes(5);

    public bool AllowInContainer { get; init; }
}
