using System.ComponentModel;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace EniAgent.TestKit.Emulator;

/// <summary>
/// Creates TCP sockets inside a named network namespace (<c>ip netns add NAME</c>) without moving the test process:
/// a short-lived thread enters the namespace with setns(2), creates the socket and ends. A socket stays in the
/// namespace it was created in, so it can be connected and used from any thread afterwards.
/// </summary>
public static class NetworkNamespaceSockets
{
    private const int CloneNewNet = 0x40000000;

    /// <summary>Creates a socket in namespace <paramref name="netns"/> and connects it to <paramref name="endpoint"/>.</summary>
    public static async Task<Socket> ConnectAsync(string netns, IPEndPoint endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var socket = await CreateAsync(netns, endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
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

    /// <summary>Creates an unconnected socket inside <paramref name="netns"/>.</summary>
    public static Task<Socket> CreateAsync(string netns, AddressFamily family, SocketType type, ProtocolType protocol)
    {
        ArgumentException.ThrowIfNullOrEmpty(netns);
        var path = Path.Combine("/run/netns", netns);
        var created = new TaskCompletionSource<Socket>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
                if (SetNs(handle.DangerousGetHandle().ToInt32(), CloneNewNet) != 0)
                {
                    throw new Win32Exception(Marshal.GetLastPInvokeError(), $"setns({path}) failed");
                }

                // This thread now lives in the namespace and ends right after; nothing else ever runs on it.
                created.SetResult(new Socket(family, type, protocol));
            }
            catch (Exception ex)
            {
                created.SetException(new InvalidOperationException($"cannot create a socket in network namespace {netns}: {ex.Message}", ex));
            }
        })
        {
            IsBackground = true,
            Name = $"netns-socket-{netns}",
        };
        thread.Start();
        return created.Task;
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

    [DllImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static extern int SetNs(int fd, int nstype);
}
