using EniAgent.Cli.Reconciliation;
using EniAgent.Core.Configuration;
using EniAgent.Core.Host;
using EniAgent.Metadata;
using EniAgent.Netlink;
using EniAgent.Platform.Files;
using EniAgent.Platform.Kernel;
using EniAgent.Platform.State;
using Microsoft.Extensions.Logging;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// The daemon's composition root. Like <see cref="AgentServices"/>, but the reconciler reads the snapshot the
/// loop pins (<see cref="PinnedMetadataSource"/>) and its applier finishes the group in flight on shutdown
/// (<see cref="GroupCompletingApplier"/>); the metadata client is replaced when a reload changes its options.
/// </summary>
internal sealed class DaemonServices : IDisposable
{
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private readonly RtnlConnection _netlink;
    private HttpMetadataSource _metadata;

    public DaemonServices(HostPaths paths, MetadataOptions metadata, ILoggerFactory loggers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(loggers);
        _loggers = loggers;
        _time = time;
        MetadataOptions = metadata;
        _metadata = MetadataSourceFactory.Create(metadata, loggers, time);
        _netlink = RtnlConnection.Open();
        Reconciler = new Reconciler(
            Pinned,
            new NetlinkKernelProbe(_netlink),
            new GroupCompletingApplier(new NetlinkKernelApplier(_netlink, loggers.CreateLogger<NetlinkKernelApplier>())),
            new JsonStateStore(paths, new AtomicFileWriter(), time, loggers.CreateLogger<JsonStateStore>()),
            time,
            loggers.CreateLogger<Reconciler>());
    }

    /// <summary>The metadata service itself (the loop decides when to ask it).</summary>
    public IMetadataSource Metadata => _metadata;

    public MetadataOptions MetadataOptions { get; private set; }

    public PinnedMetadataSource Pinned { get; } = new();

    public Reconciler Reconciler { get; }

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
        _netlink.Dispose();
    }
}
