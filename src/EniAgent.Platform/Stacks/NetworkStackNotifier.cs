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
/// <see cref="SweepAsync"/> checks the devices of NetworkManager profiles already in place (<see cref="NmAutoDefaultSweep"/>).
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

        return await OverBusAsync(stack, service, quiet: false, (bus, token) => PickUpAsync(bus, changes, token), cancellationToken).ConfigureAwait(false);
    }

    public async Task<StackNotifyResult> SweepAsync(StackChangeSet current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var files = current.Stack == PickupStack.NetworkManager
            ? NmProfileFiles.Of(current.Files).Where(f => !f.Removed && f.InterfaceName is not null).ToList()
            : [];
        if (files.Count == 0)
        {
            return StackNotifyResult.NotApplicable("no NetworkManager profile of a managed ENI in place");
        }

        return await OverBusAsync(
            NetworkManagerPickup.Stack,
            NetworkManagerBus.Service,
            quiet: true,
            (bus, token) => new NmAutoDefaultSweep(new NetworkManagerBus(bus), logger).RunAsync(files, token),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Connects to the system bus and runs <paramref name="work"/> when <paramref name="service"/> is on it, within
    /// <see cref="Budget"/>. Quiet (the per-pass sweep): an absent bus or service is logged at debug level only.
    /// </summary>
    private async Task<StackNotifyResult> OverBusAsync(
        string stack, string service, bool quiet, Func<BusClient, CancellationToken, Task<StackNotifyResult>> work, CancellationToken cancellationToken)
    {
        var address = busAddress ?? SystemBusAddress.FromEnvironment(paths);
        if (SystemBusAddress.UnixSocketOf(address) is { } socket && !File.Exists(socket))
        {
            NoBus(stack, address, "no socket", quiet);
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
            NoBus(stack, address, e.Message, quiet);
            return new StackNotifyResult(StackNotifyStatus.Skipped, stack, [], $"no system bus at {address}: {e.Message}");
        }

        using (bus)
        {
            try
            {
                if (!await bus.NameHasOwnerAsync(service, linked.Token).ConfigureAwait(false))
                {
                    if (quiet)
                    {
                        StackLog.SweepSkipped(logger, stack, $"{service} is not on the system bus");
                    }
                    else
                    {
                        StackLog.ServiceAbsent(logger, stack, service);
                    }

                    return new StackNotifyResult(StackNotifyStatus.Skipped, stack, [], $"{service} is not on the system bus");
                }

                return await work(bus, linked.Token).ConfigureAwait(false);
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

    private void NoBus(string stack, string address, string reason, bool quiet)
    {
        if (quiet)
        {
            StackLog.SweepSkipped(logger, stack, $"no system bus at {address} ({reason})");
        }
        else
        {
            StackLog.NoBus(logger, stack, address, reason);
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
