using System.Net.Sockets;
using EniAgent.Netlink.Codecs;
using EniAgent.Netlink.Interop;
using EniAgent.Netlink.Protocol;

namespace EniAgent.Netlink;

/// <summary>
/// A request/response rtnetlink connection: dumps links, addresses, routes and rules, and applies changes
/// one by one or in batches. Safe to share between threads (operations run one at a time); every
/// operation is cancellable, though a change already sent may still take effect.
/// </summary>
public sealed partial class RtnlConnection : IDisposable
{
    private const int ReceiveBufferSize = 64 * 1024; // the kernel sends at most ~32 KiB per dump datagram
    private const int MaxBatchDatagram = 32 * 1024;

    // The kernel queues every ACK of a datagram before sendmsg returns, each costing about 1 KiB of our
    // receive buffer; past that it drops them (ENOBUFS) and the results are lost. Keep well below.
    private const int MaxBatchMessages = 64;
    private const int SocketReceiveBufferSize = 1024 * 1024;
    private const int MaxDumpAttempts = 5;

    private readonly NetlinkSocket _socket;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly NetlinkMessageWriter _writer = new();
    private readonly byte[] _receiveBuffer = new byte[ReceiveBufferSize];
    private uint _sequence = (uint)Environment.TickCount;

    private RtnlConnection(NetlinkSocket socket) => _socket = socket;

    /// <summary>
    /// Opens a connection in this process's network namespace, or in the one at <paramref name="netnsPath"/>
    /// (e.g. <c>/run/netns/NAME</c>); the connection stays in that namespace.
    /// </summary>
    public static RtnlConnection Open(string? netnsPath = null)
    {
        var socket = NetlinkSocket.Open(netnsPath);
        try
        {
            socket.SetOption(NetlinkSocket.SolNetlink, NetlinkSocket.NetlinkExtAck, 1);
            socket.SetOption(NetlinkSocket.SolNetlink, NetlinkSocket.NetlinkCapAck, 1);
            socket.SetReceiveBufferSize(SocketReceiveBufferSize);
            return new RtnlConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public Task<IReadOnlyList<NetlinkLink>> GetLinksAsync(CancellationToken cancellationToken = default) =>
        DumpAsync<NetlinkLink>("dump links", NetlinkMessageType.GetLink, LinkCodec.HeaderSize, AddressFamily.Unspecified, LinkCodec.Decode, cancellationToken);

    /// <summary>Dumps addresses of one family, or of both with <see cref="AddressFamily.Unspecified"/>.</summary>
    public Task<IReadOnlyList<NetlinkAddress>> GetAddressesAsync(AddressFamily family = AddressFamily.Unspecified, CancellationToken cancellationToken = default) =>
        DumpAsync("dump addresses", NetlinkMessageType.GetAddress, AddressCodec.HeaderSize, family, AddressCodec.Decode, cancellationToken);

    /// <summary>Dumps the routes of every table, of one family or both.</summary>
    public Task<IReadOnlyList<NetlinkRoute>> GetRoutesAsync(AddressFamily family = AddressFamily.Unspecified, CancellationToken cancellationToken = default) =>
        DumpAsync("dump routes", NetlinkMessageType.GetRoute, RouteCodec.HeaderSize, family, RouteCodec.Decode, cancellationToken);

    /// <summary>Dumps the policy routing rules of one family or both.</summary>
    public Task<IReadOnlyList<NetlinkRule>> GetRulesAsync(AddressFamily family = AddressFamily.Unspecified, CancellationToken cancellationToken = default) =>
        DumpAsync("dump rules", NetlinkMessageType.GetRule, RuleCodec.HeaderSize, family, RuleCodec.Decode, cancellationToken);

    /// <summary>Runs one request; throws <see cref="NetlinkException"/> if the kernel refuses it.</summary>
    public async Task ExecuteAsync(NetlinkRequest request, CancellationToken cancellationToken = default)
    {
        var results = await ExecuteAsync([request], cancellationToken).ConfigureAwait(false);
        if (results[0].Error is { } error)
        {
            throw error;
        }
    }

    /// <summary>
    /// Sends many requests in as few datagrams as possible and reports each one's outcome, in order. The kernel
    /// goes on with later requests after one fails, so a result list can mix successes and errors.
    /// </summary>
    public async Task<IReadOnlyList<NetlinkResult>> ExecuteAsync(IReadOnlyList<NetlinkRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new NetlinkResult?[requests.Count];
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var next = 0;
            while (next < requests.Count)
            {
                var start = next;
                var firstSequence = _sequence + 1;
                _writer.Clear();
                do
                {
                    requests[next++].Write(_writer, ++_sequence);
                }
                while (next < requests.Count && next - start < MaxBatchMessages && _writer.Length < MaxBatchDatagram);

                await SendAsync("send requests", cancellationToken).ConfigureAwait(false);
                for (var pending = next - start; pending > 0;)
                {
                    var received = await ReceiveAsync("receive acknowledgements", cancellationToken).ConfigureAwait(false);
                    pending -= AckCollector.Collect(_receiveBuffer.AsSpan(0, received), firstSequence, requests, start, next, results);
                }
            }

            return results!;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _gate.Dispose();
    }

    private async Task<IReadOnlyList<T>> DumpAsync<T>(
        string operation,
        NetlinkMessageType request,
        int headerSize,
        AddressFamily family,
        PayloadDecoder<T> decode,
        CancellationToken cancellationToken)
        where T : class
    {
        var familyByte = KernelFamily.FromAddressFamily(family);
        var replyType = request - 2; // RTM_GETx answers with RTM_NEWx
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; attempt <= MaxDumpAttempts; attempt++)
            {
                var sequence = ++_sequence;
                _writer.Clear();
                _writer.BeginMessage(request, NetlinkMessageFlags.Request | NetlinkMessageFlags.Dump, sequence);
                _writer.AppendHeader(headerSize)[0] = familyByte;
                _writer.EndMessage();
                await SendAsync(operation, cancellationToken).ConfigureAwait(false);

                var collector = new DumpCollector<T>(sequence, replyType, decode, operation);
                while (!collector.IsDone)
                {
                    var received = await ReceiveAsync(operation, cancellationToken).ConfigureAwait(false);
                    collector.Process(_receiveBuffer.AsSpan(0, received));
                }

                if (!collector.IsInterrupted)
                {
                    return collector.Items;
                }
            }

            throw new NetlinkException(operation, (int)Errno.EINTR, $"tables changed during each of {MaxDumpAttempts} attempts");
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SendAsync(string operation, CancellationToken cancellationToken)
    {
        try
        {
            _ = await _socket.SendAsync(_writer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new NetlinkException(operation, e.NativeErrorCode, null, e);
        }
    }

    private async Task<int> ReceiveAsync(string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await _socket.ReceiveAsync(_receiveBuffer, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new NetlinkException(operation, e.NativeErrorCode, null, e);
        }
    }
}
