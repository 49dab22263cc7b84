using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EniAgent.Netlink;

namespace EniAgent.Bench;

/// <summary>
/// Tells when traffic to an address starts to work: from inside the VPC namespace, a TCP SYN from the client
/// address every millisecond to a closed port; the first RST that comes back (connection refused) proves the
/// round trip, reply included. Runs on a thread of its own inside the namespace (sockets are created there).
/// </summary>
internal static class TcpProbe
{
    private const int Port = 9;
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(1);

    /// <summary>The <see cref="Stopwatch"/> timestamp of the first refusal, or null after <paramref name="deadline"/>.</summary>
    public static Task<long?> StartAsync(string netnsPath, IPAddress target, TimeSpan deadline, CancellationToken cancellationToken)
    {
        // Not on the thread pool: Invoke blocks its caller for the whole probe, and a starved pool would delay
        // the bench's own event reading.
        var result = new TaskCompletionSource<long?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                result.SetResult(NetworkNamespaceThread.Invoke(netnsPath, () => Run(new IPEndPoint(target, Port), deadline, cancellationToken)));
            }
            catch (Exception e)
            {
                result.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "tcp-probe",
        };
        thread.Start();
        return result.Task;
    }

    private static long? Run(IPEndPoint target, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var pending = new List<Socket>();
        try
        {
            while (Stopwatch.GetElapsedTime(started) < deadline && !cancellationToken.IsCancellationRequested)
            {
                pending.Add(Connect(target));
                if (pending.Count > 500)
                {
                    pending[0].Dispose();
                    pending.RemoveAt(0);
                }

                // Wait up to one interval for any attempt to finish; a refused connect shows as writable with SO_ERROR set.
                var writable = pending.ToList();
                var failed = pending.ToList();
                Socket.Select(null, writable, failed, (int)Every.TotalMicroseconds);
                foreach (var socket in writable.Concat(failed))
                {
                    var error = (SocketError)(int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
                    if (error == SocketError.ConnectionRefused)
                    {
                        return Stopwatch.GetTimestamp();
                    }
                }
            }

            return null;
        }
        finally
        {
            foreach (var socket in pending)
            {
                socket.Dispose();
            }
        }
    }

    private static Socket Connect(IPEndPoint target)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
        socket.Bind(new IPEndPoint(IPAddress.Parse(BenchInstance.Client), 0));
        try
        {
            socket.Connect(target);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
        {
        }

        return socket;
    }
}
