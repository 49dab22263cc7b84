using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Netns;
using EniAgent.TestKit.Processes;

namespace EniAgent.TestKit.Topology;

/// <summary>Real packets between namespaces: ping (iputils-ping) and a TCP exchange over sockets created inside the namespaces.</summary>
public static partial class Traffic
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TcpTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Pings <paramref name="to"/> from namespace <paramref name="from"/> (<c>ping -c1 -W1</c>, source address
    /// <paramref name="source"/> when given) up to <see cref="PingOptions.Attempts"/> times; true once every request of an attempt is answered.
    /// </summary>
    public static async Task<bool> PingAsync(NetworkNamespace from, IPAddress to, IPAddress? source = null, PingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        options ??= PingOptions.Default;
        string[] arguments =
        [
            "netns", "exec", from.Name, "ping", "-n", "-q", "-c", Text(options.Count), "-i", "0.2", "-W", "1", "-s", Text(options.PayloadBytes),
            .. source is null ? Array.Empty<string>() : ["-I", source.ToString()],
            to.ToString(),
        ];
        for (var attempt = 0; attempt < options.Attempts; attempt++)
        {
            var result = await ChildProcess.RunAsync("ip", arguments, ProcessTimeout);
            if (result.ExitCode == 0 && Received(result.StandardOutput) == options.Count)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Listens on <paramref name="listenOn"/> inside <paramref name="server"/> (port 0 picks one), connects from inside
    /// <paramref name="client"/> (bound to <paramref name="clientSource"/> when given), and has the server send
    /// <paramref name="replyBytes"/> bytes back. Succeeds when the client received all of them within a few seconds.
    /// </summary>
    public static async Task<TcpExchangeResult> TcpExchangeAsync(
        NetworkNamespace server, IPEndPoint listenOn, NetworkNamespace client, IPAddress? clientSource = null, int replyBytes = 1)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(listenOn);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfLessThan(replyBytes, 1);
        var family = listenOn.AddressFamily;
        using var listener = server.Invoke(() => new Socket(family, SocketType.Stream, ProtocolType.Tcp));
        listener.Bind(listenOn);
        listener.Listen(1);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        using var deadline = new CancellationTokenSource(TcpTimeout);
        var serve = ServeAsync(listener, replyBytes, deadline.Token);
        using var socket = NetworkNamespaceSockets.Create(client.Name, family, SocketType.Stream, ProtocolType.Tcp);
        var received = 0;
        try
        {
            if (clientSource is not null)
            {
                socket.Bind(new IPEndPoint(clientSource, 0));
            }

            await socket.ConnectAsync(new IPEndPoint(listenOn.Address, port), deadline.Token);
            var buffer = new byte[64 * 1024];
            int read;
            while (received < replyBytes && (read = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token)) > 0)
            {
                received += read;
            }

            await serve;
            return new TcpExchangeResult(received == replyBytes, received, received == replyBytes ? "ok" : "connection closed early");
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
            await deadline.CancelAsync();
            listener.Close();
            await serve.ContinueWith(_ => { }, TaskScheduler.Default);
            return new TcpExchangeResult(false, received, e is OperationCanceledException ? $"no exchange within {TcpTimeout.TotalSeconds} s" : e.Message);
        }
    }

    private static async Task ServeAsync(Socket listener, int replyBytes, CancellationToken cancellationToken)
    {
        using var accepted = await listener.AcceptAsync(cancellationToken);
        var payload = new byte[replyBytes];
        var sent = 0;
        while (sent < replyBytes)
        {
            sent += await accepted.SendAsync(payload.AsMemory(sent), SocketFlags.None, cancellationToken);
        }

        accepted.Shutdown(SocketShutdown.Send);
    }

    private static int Received(string pingOutput) =>
        ReceivedPattern().Match(pingOutput) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\d+) (?:packets )?received")]
    private static partial Regex ReceivedPattern();
}
