using EniAgent.Cli.Commands;
using EniAgent.Cli.Logging;
using EniAgent.Cli.Reconciliation;
using EniAgent.Core.Configuration;
using EniAgent.Metadata;
using Microsoft.Extensions.Logging;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// <see cref="AgentServices"/> as the daemon uses them: the reconciler reads the snapshot the loop pins
/// (<see cref="PinnedMetadataSource"/>) and finishes the group in flight on shutdown
/// (<see cref="GroupCompletingApplier"/>). The loop asks the metadata service through a client of its own, which a
/// reload replaces when the metadata options changed.
/// </summary>
internal sealed class DaemonServices : IDisposable
{
    private readonly AgentServices _agent;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private HttpMetadataSource _metadata;

    public DaemonServices(AgentContext context, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        _loggers = context.Loggers;
        _time = time;
        MetadataOptions = context.Options.Metadata;
        _metadata = MetadataSourceFactory.Create(MetadataOptions, _loggers, time);
        _agent = new AgentServices(context, time, Pinned, applier => new GroupCompletingApplier(applier));
    }

    /// <summary>The metadata service itself (the loop decides when to ask it).</summary>
    public IMetadataSource Metadata => _metadata;

    public MetadataOptions MetadataOptions { get; private set; }

    public PinnedMetadataSource Pinned { get; } = new();

    public Reconciler Reconciler => _agent.Reconciler;

    /// <summary>The loggers' minimum level, which a reload sets from <c>log-level</c>.</summary>
    public LogLevelControl LogLevel => _agent.Context.LogLevel;

    /// <summary>A new client when the options changed (endpoint, timeouts, retries, token TTL).</summary>
    public void UseMetadataOptions(MetadataOptions options)
    {
        if (options == MetadataOptions)
        {
            return;
        }

        var old = _metadata;
        _metadata = MetadataSourceFactory.Create(options, _loggers, _time);
        MetadataOptions = options;
        old.Dispose();
    }

    public void Dispose()
    {
        _metadata.Dispose();
        _agent.Dispose();
    }
}
