using System.Net.Sockets;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// sd_notify through Hosting.Systemd's <see cref="SystemdNotifier"/> (a datagram to <c>$NOTIFY_SOCKET</c>, abstract
/// <c>@</c> names included), for every state (READY=1, STATUS=..., WATCHDOG=1, STOPPING=1). A service manager that
/// went away must not take the daemon with it: send failures are logged, never thrown.
/// </summary>
internal sealed class SafeNotifier(ISystemdNotifier inner, ILogger logger) : ISystemdNotifier
{
    public bool IsEnabled => inner.IsEnabled;

    public void Notify(ServiceState state)
    {
        try
        {
            inner.Notify(state);
        }
        catch (SocketException ex)
        {
            DaemonLog.NotifyFailed(logger, ex.Message);
        }
    }

    public void Status(string text) => Notify(new ServiceState("STATUS=" + text.ReplaceLineEndings(" ")));
}
