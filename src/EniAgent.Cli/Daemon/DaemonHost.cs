using EniAgent.Cli.Commands;
using EniAgent.Platform.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// Runs <c>eniagent daemon</c> on Microsoft.Extensions.Hosting. The lifetime is Hosting.Systemd's
/// <see cref="SystemdLifetime"/>, always (its own detection wants systemd as the parent process, so it stays off
/// under <c>ip netns exec</c> or a test harness): READY=1 once the hosted service has started, which is after the
/// first pass; STOPPING=1 and a graceful stop on SIGTERM. Without <c>$NOTIFY_SOCKET</c> the notifications are no-ops.
/// </summary>
internal static class DaemonHost
{
    public static async Task<int> RunAsync(AgentContext context, Uri? metadataUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Privileges.HasNetAdmin())
        {
            await Console.Error.WriteLineAsync("eniagent: the daemon needs root (CAP_NET_ADMIN)").ConfigureAwait(false);
            return ExitCodes.NoPermission;
        }

        var logger = context.Loggers.CreateLogger("EniAgent.Daemon");
        if (ContainerProbe.Detect(context.Paths) is { } evidence)
        {
            if (!context.Options.Daemon.AllowInContainer)
            {
                await Console.Error.WriteLineAsync(
                    $"eniagent: refusing to run inside a container ({evidence}): ENIs belong to the host. " +
                    "Set 'daemon.allow-in-container: true' if this container really owns the instance's network.").ConfigureAwait(false);
                return ExitCodes.InvalidConfiguration;
            }

            DaemonLog.InContainer(logger, evidence);
        }

        var time = TimeProvider.System;
        var notifier = new SafeNotifier(new SystemdNotifier(), logger);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = context.Paths.Root });
        builder.Services.AddSingleton(context.Loggers);
        builder.Services.AddSingleton<ISystemdNotifier>(notifier);
        builder.Services.AddSingleton<IHostLifetime, SystemdLifetime>();
        builder.Services.AddSingleton(sp => new DaemonService(
            context,
            new ConfigurationSource(context.ConfigFile, context.Paths, metadataUrl),
            notifier,
            sp.GetRequiredService<IHostApplicationLifetime>(),
            time));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DaemonService>());

        using var host = builder.Build();
        var service = host.Services.GetRequiredService<DaemonService>();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();

        // Ctrl-C in a terminal (Program cancels the command) stops like SIGTERM.
        await using var interrupt = cancellationToken.Register(lifetime.StopApplication).ConfigureAwait(false);
        await host.StartAsync(CancellationToken.None).ConfigureAwait(false);
        await host.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
        return service.ExitCode;
    }
}
