using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace EniAgent.Netlink.Interop;

/// <summary>
/// A bound NETLINK_ROUTE socket. .NET has no netlink address family, so the fd comes from libc and is
/// wrapped in a <see cref="Socket"/> for async, cancellable I/O.
/// </summary>
internal sealed class NetlinkSocket : IDisposable
{
    internal const int SolNetlink = 270;
    internal const int NetlinkAddMembership = 1;
    internal const int NetlinkCapAck = 10;
    internal const int NetlinkExtAck = 11;
    private const int SolSocket = 1;
    private const int SoRcvBuf = 8;
    private const int SoRcvBufForce = 33;

    private readonly Socket _socket;

    private NetlinkSocket(Socket socket) => _socket = socket;

    /// <summary>Opens a socket in the current network namespace, or in the one at <paramref name="netnsPath"/>.</summary>
    internal static NetlinkSocket Open(string? netnsPath)
    {
        var fd = netnsPath is null ? CreateBound() : NetworkNamespaceThread.Invoke(netnsPath, CreateBound);
        var handle = new SafeSocketHandle(fd, ownsHandle: true);
        try
        {
            return new NetlinkSocket(new Socket(handle));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    internal void SetOption(int level, int name, int value) =>
        _socket.SetRawSocketOption(level, name, MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in value)));

    internal void JoinGroup(int group) => SetOption(SolNetlink, NetlinkAddMembership, group);

    /// <summary>Sets a large receive buffer so bursts of events are not dropped; SO_RCVBUFFORCE passes rmem_max when privileged.</summary>
    internal void SetReceiveBufferSize(int bytes)
    {
        try
        {
            SetOption(SolSocket, SoRcvBufForce, bytes);
        }
        catch (SocketException)
        {
            SetOption(SolSocket, SoRcvBuf, bytes);
        }
    }

    /// <summary>
    /// Reads and discards every datagram already queued, without waiting. After an overrun the kernel drops
    /// all further events until the queue is empty, and reports no second ENOBUFS for them.
    /// </summary>
    internal void DiscardPending(Span<byte> buffer)
    {
        _socket.Blocking = false; // only affects synchronous calls: async receives keep working
        try
        {
            while (true)
            {
                _ = _socket.Receive(buffer, SocketFlags.None, out var error);
                switch (error)
                {
                    case SocketError.Success or SocketError.NoBufferSpaceAvailable:
                        continue;
                    case SocketError.WouldBlock:
                        return;
                    default:
                        throw new SocketException((int)error);
                }
            }
        }
        finally
        {
            _socket.Blocking = true;
        }
    }

    internal ValueTask<int> SendAsync(ReadOnlyMemory<byte> datagram, CancellationToken cancellationToken) =>
        _socket.SendAsync(datagram, SocketFlags.None, cancellationToken);

    internal ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    public void Dispose() => _socket.Dispose();

    private static unsafe int CreateBound()
    {
        var fd = LibC.Socket(LibC.AfNetlink, LibC.SockRaw | LibC.SockCloexec, LibC.NetlinkRoute);
        if (fd < 0)
        {
            throw LibC.LastError("create netlink socket");
        }

        // Port id 0: the kernel assigns a unique one.
        var address = new SockAddrNetlink { Family = LibC.AfNetlink };
        if (LibC.Bind(fd, &address, sizeof(SockAddrNetlink)) != 0)
        {
            var error = LibC.LastError("bind netlink socket");
            _ = LibC.Close(fd);
            throw error;
        }

        return fd;
    }
}
