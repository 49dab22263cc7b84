using System.Net.Sockets;
using System.Runtime.CompilerServices;
using EniAgent.Netlink.Codecs;
using EniAgent.Netlink.Interop;

namespace EniAgent.Netlink;

/// <summary>
/// Listens to rtnetlink multicast groups and yields typed change events. When the kernel drops events
/// (ENOBUFS) the backlog is discarded and a <see cref="NetlinkOverrunEvent"/> is yielded: a dump taken after
/// it sees every change that later events do not report, so the listener resyncs with one dump.
/// </summary>
public sealed class NetlinkMonitor : IDisposable
{
    /// <summary>Big enough for bursts such as a link with hundreds of addresses going away.</summary>
    public const int DefaultReceiveBufferSize = 4 * 1024 * 1024;

    private const int DatagramBufferSize = 64 * 1024;

    private static readonly (NetlinkGroups Group, int Number)[] GroupNumbers =
    [
        (NetlinkGroups.Link, 1), // RTNLGRP_LINK
        (NetlinkGroups.Ipv4Address, 5), // RTNLGRP_IPV4_IFADDR
        (NetlinkGroups.Ipv4Route, 7), // RTNLGRP_IPV4_ROUTE
        (NetlinkGroups.Ipv4Rule, 8), // RTNLGRP_IPV4_RULE
        (NetlinkGroups.Ipv6Address, 9), // RTNLGRP_IPV6_IFADDR
        (NetlinkGroups.Ipv6LinkInfo, 12), // RTNLGRP_IPV6_IFINFO
        (NetlinkGroups.Ipv6Route, 11), // RTNLGRP_IPV6_ROUTE
        (NetlinkGroups.Ipv6Rule, 19), // RTNLGRP_IPV6_RULE
    ];

    private readonly NetlinkSocket _socket;
    private int _reading;

    private NetlinkMonitor(NetlinkSocket socket) => _socket = socket;

    /// <summary>Joins <paramref name="groups"/> in this namespace or the one at <paramref name="netnsPath"/>.</summary>
    public static NetlinkMonitor Open(
        NetlinkGroups groups = NetlinkGroups.All,
        string? netnsPath = null,
        int receiveBufferSize = DefaultReceiveBufferSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(receiveBufferSize);
        var socket = NetlinkSocket.Open(netnsPath);
        try
        {
            socket.SetReceiveBufferSize(receiveBufferSize);
            foreach (var (group, number) in GroupNumbers)
            {
                if ((groups & group) != 0)
                {
                    socket.JoinGroup(number);
                }
            }

            return new NetlinkMonitor(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Yields events until cancelled. Only one enumeration may run at a time.</summary>
    public async IAsyncEnumerable<NetlinkEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _reading, 1) != 0)
        {
            throw new InvalidOperationException("the monitor is already being read");
        }

        try
        {
            var buffer = new byte[DatagramBufferSize];
            var events = new List<NetlinkEvent>();
            while (true)
            {
                var received = await ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (received < 0)
                {
                    // While anything stays queued the kernel keeps dropping, silently: empty the queue first.
                    _socket.DiscardPending(buffer);
                    yield return NetlinkOverrunEvent.Instance;
                    continue;
                }

                events.Clear();
                EventDecoder.DecodeAll(buffer.AsSpan(0, received), events);
                foreach (var item in events)
                {
                    yield return item;
                }
            }
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    public void Dispose() => _socket.Dispose();

    /// <summary>Receives one datagram; -1 when the kernel reports that events were dropped.</summary>
    private async ValueTask<int> ReceiveAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await _socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.NoBufferSpaceAvailable)
        {
            return -1;
        }
        catch (SocketException e)
        {
            throw new NetlinkException("receive netlink events", e.NativeErrorCode, null, e);
        }
    }
}
