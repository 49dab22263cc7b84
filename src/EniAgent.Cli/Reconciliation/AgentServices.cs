using EniAgent.Cli.Commands;
using EniAgent.Cli.Persistence;
using EniAgent.Metadata;
using EniAgent.Netlink;
using EniAgent.Platform.Files;
using EniAgent.Platform.Kernel;
using EniAgent.Platform.Stacks;
using EniAgent.Platform.State;
using Microsoft.Extensions.Logging;

namespace EniAgent.Cli.Reconciliation;

/// <summary>The composition root of one agent instance: metadata client, netlink connection, state store, reconciler.</summary>
internal sealed class AgentServices : IDisposable
{
    private readonly HttpMetadataSource _metadata;
    private readonly RtnlConnection _netlink;

    /// <param name="context">Paths, options and logging.</param>
    /// <param name="time">The clock.</param>
    /// <param name="metadata">Where the reconciler reads metadata instead of the HTTP client (the daemon pins the snapshot it read).</param>
    /// <param name="decorateApplier">Wraps the kernel applier (the daemon finishes the group in flight on shutdown).</param>
    public AgentServices(AgentContext context, TimeProvider time, IMetadataSource? metadata = null, Func<IKernelApplier, IKernelApplier>? decorateApplier = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
        _metadata = MetadataSourceFactory.Create(context.Options.Metadata, context.Loggers, time);
        _netlink = RtnlConnection.Open();
        Probe = new NetlinkKernelProbe(_netlink);
        State = new JsonStateStore(context.Paths, new AtomicFileWriter(), time);
        var applier = new NetlinkKernelApplier(_netlink, context.Loggers.CreateLogger<NetlinkKernelApplier>());
        Reconciler = new Reconciler(
            metadata ?? _metadata,
            Probe,
            decorateApplier?.Invoke(applier) ?? applier,
            State,
            time,
            context.Loggers.CreateLogger<Reconciler>(),
            new ConfigPersister(
                context.Paths,
                new OwnedFileSet(context.Paths, new AtomicFileWriter()),
                new NetworkStackNotifier(context.Paths, context.Loggers.CreateLogger<NetworkStackNotifier>(), time)));
    }

    public AgentContext Context { get; }

    public IKernelProbe Probe { get; }

    public IStateStore State { get; }

    public Reconciler Reconciler { get; }

    public void Dispose()
    {
        _metadata.Dispose();
        _netlink.Dispose();
    }
}
