namespace EniAgent.Core.Configuration;

/// <summary>How the agent talks to the ECS metadata service.</summary>
public sealed record MetadataOptions
{
    public static readonly Uri DefaultEndpoint = new("http://100.100.100.200/");

    public Uri Endpoint { get; init; } = DefaultEndpoint;

    /// <summary>Timeout of a single HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Deadline for one whole read of the metadata (all attempts, all items).</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public int MaxRetries { get; init; } = 4;

    /// <summary>First retry delay; later ones grow exponentially (jittered, capped at 5 s and by <see cref="TotalTimeout"/>).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>TTL asked for a metadata token (1..21600 s).</summary>
    public TimeSpan TokenTtl { get; init; } = TimeSpan.FromHours(6);
}
