using System.Net.Sockets;
using System.Text;
using EniAgent.Netlink;

namespace EniAgent.Cli.Tests.Daemon.Support;

/// <summary>
/// Plays systemd's side of sd_notify: a datagram socket the daemon gets as <c>$NOTIFY_SOCKET</c>, collecting every
/// message. A path socket works across network namespaces; an abstract one (<c>@name</c>) lives in one namespace,
/// so it is created inside the daemon's.
/// </summary>
internal sealed class NotifyListener : IDisposable
{
    private readonly Socket _socket;
    private readonly List<string> _messages = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _statusCount;
    private readonly Task _receiving;

    private NotifyListener(Socket socket, string address)
    {
        _socket = socket;
        Address = address;
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>The value for <c>$NOTIFY_SOCKET</c>.</summary>
    public string Address { get; }

    /// <summary>Every message so far; a message with several lines counts once.</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public static NotifyListener AtPath(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return new NotifyListener(socket, path);
    }

    /// <summary>An abstract socket (<c>@name</c>) bound inside the namespace at <paramref name="netnsPath"/>.</summary>
    public static NotifyListener Abstract(string netnsPath, string name) =>
        NetworkNamespaceThread.Invoke(netnsPath, () =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.Bind(new UnixDomainSocketEndPoint("\0" + name));
            return new NotifyListener(socket, "@" + name);
        });

    public bool Has(string message) => Messages.Contains(message);

    /// <summary>How many STATUS= messages arrived so far (cheap, for waiting on the next one).</summary>
    public int StatusCount => Volatile.Read(ref _statusCount);

    /// <summary>Waits (woken by each message, no polling) until <paramref name="condition"/> holds; false after <paramref name="deadline"/>.</summary>
    public async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan deadline)
    {
        var limit = DateTime.UtcNow + deadline;
        while (!condition())
        {
            var left = limit - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                return condition();
            }
        }

        return true;
    }

    public bool Has(Func<string, bool> predicate) => Messages.Any(predicate);

    public string Describe() => "notify messages:\n  " + string.Join("\n  ", Messages);

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            _receiving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
        _arrived.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[4096];
        while (!_stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var message = Encoding.UTF8.GetString(buffer, 0, length).TrimEnd('\n');
            lock (_messages)
            {
                _messages.Add(message);
            }

            if (message.StartsWith("STATUS=", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _statusCount);
            }

            _arrived.Release();
        }
    }
}
