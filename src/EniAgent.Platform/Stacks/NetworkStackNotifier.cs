using System.Net.Sockets;
using EniAgent.Core.Configuration;
using EniAgent.Core.Host;
using EniAgent.Platform.DBus;
using EniAgent.Platform.Files;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace EniAgent.Platform.Stacks;

/// <summary>
/// Tells the stack chosen for the change set (<see cref="StackChangeSet.Stack"/>: the one that manages the network,
/// see <see cref="PickupSelector"/>) over the system bus: NetworkManager takes keyfiles and ifcfg files (ifcfg-rh);
/// systemd-networkd takes networkd files, and netplan's after our YAML is generated alone into /run (<c>netplan apply</c>
/// would bounce every interface). Nobody else is told. The whole pickup is bounded by <see cref="Budget"/>.
/// </summary>
public sealed class NetworkStackNotifier(HostPaths paths, ILogger<NetworkStackNotifier> logger, TimeProvider time, string? busAddress = null) : INetworkStackNotifier
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    public async Task<StackNotifyResult> NotifyAsync(StackChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var (stack, service) = changes.Stack switch
        {
            PickupStack.NetworkManager => (NetworkManagerPickup.Stack, NetworkManagerBus.Service),
            PickupStack.Networkd => (NetworkdPickup.Stack, NetworkdBus.Service),
            _ => (null, null),
        };
        if (stack is null || service is null || changes.Files.Count == 0)
        {
            var why = changes.StackReason ?? $"{changes.Renderer} files are not picked up over D-Bus";
            StackLog.NotTold(logger, why);
            return StackNotifyResult.NotApplicable(why);
        }

        var address = busAddress ?? SystemBusAddress.FromEnvironment(paths);
        if (SystemBusAddress.UnixSocketOf(address) is { } socket && !File.Exists(socket))
        {
            StackLog.NoBus(logger, stack, address, "no socket");
            return new StackNotifyResult(StackNotifyStatus.Skipped, stack, [], $"no system bus at {address}");
        }

        using var budget = new CancellationTokenSource(Budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        BusClient bus;
        try
        {
            bus = await BusClient.ConnectAsync(address, time, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DBusExceptionBase or SocketException or IOException or TimeoutException)
        {
            StackLog.NoBus(logger, stack, address, e.Message);
            return new StackNotifyResult(StackNotifyStatus.Skipped, stack, [], $"no system bus at {address}: {e.Message}");
        }

        using (bus)
        {
            try
            {
                if (!await bus.NameHasOwnerAsync(service, linked.Token).ConfigureAwait(false))
                {
                    StackLog.ServiceAbsent(logger, stack, service);
                    return new StackNotifyResult(StackNotifyStatus.Skipped, stack, [], $"{service} is not on the system bus");
                }

                return await PickUpAsync(bus, changes, linked.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DBusExceptionBase or StackPickupException or TimeoutException or IOException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var error = e is OperationCanceledException ? $"gave up after {Budget.TotalSeconds} s" : e.Message;
                StackLog.Failed(logger, stack, error);
                return new StackNotifyResult(StackNotifyStatus.Failed, stack, [], error);
            }
        }
    }

    private async Task<StackNotifyResult> PickUpAsync(BusClient bus, StackChangeSet changes, CancellationToken cancellationToken)
    {
        if (changes.Stack == PickupStack.NetworkManager)
        {
            return await new NetworkManagerPickup(new NetworkManagerBus(bus), logger).RunAsync(changes, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyDictionary<string, IReadOnlySet<string>> generated = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (changes.Renderer == RendererKind.Netplan)
        {
            var binary = NetplanGenerator.Find() ?? throw new StackPickupException("netplan is not installed: cannot generate the runtime .network files");
            var sync = new NetplanRuntimeSync(paths, new AtomicFileWriter(), new NetplanGenerator(binary, time), logger);
            generated = await sync.SyncAsync(changes.Files, cancellationToken).ConfigureAwait(false);
        }

        var links = LinkPickup.From(changes.Files, generated);
        return await new NetworkdPickup(new NetworkdBus(bus), logger, time).RunAsync(links, cancellationToken).ConfigureAwait(false);
    }
}
