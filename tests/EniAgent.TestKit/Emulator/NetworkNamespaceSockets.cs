using System.Net;
using System.Net.Sockets;
using EniAgent.Netlink;

namespace EniAgent.TestKit.Emulator;

/// <summary>
/// Creates TCP sockets inside a named network namespace (<c>ip netns add NAME</c>) without moving the test process
/// (<see cref="NetworkNamespaceThread"/>). A socket stays in the namespace it was created in, so it can be connected
/// and used from any thread afterwards.
/// </summary>
public static class NetworkNamespaceSockets
{
    /// <summary>Creates a socket in namespace <paramref name="netns"/> and connects it to <paramref name="endpoint"/>.</summary>
    public static async Task<Socket> ConnectAsync(string netns, IPEndPoint endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var socket = Create(netns, endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Creates an unconnected socket inside <paramref name="netns"/> (a name under /run/netns).</summary>
    public static Socket Create(string netns, AddressFamily family, SocketType type, ProtocolType protocol)
    {
        ArgumentException.ThrowIfNullOrEmpty(netns);
        return NetworkNamespaceThread.Invoke(Path.Combine("/run/netns", netns), () => new Socket(family, type, protocol));
    }

    /// <summary>An HTTP handler whose connections are made inside <paramref name="netns"/> (null: the test's own namespace).</summary>
    public static SocketsHttpHandler CreateHttpHandler(string? netns)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        if (netns is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var address = IPAddress.Parse(context.DnsEndPoint.Host.Trim('[', ']'));
                var socket = await ConnectAsync(netns, new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            };
        }

        return handler;
    }
}
