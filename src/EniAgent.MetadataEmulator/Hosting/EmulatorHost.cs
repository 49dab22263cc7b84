using System.Net;
using EniAgent.MetadataEmulator.Cli;
using EniAgent.MetadataEmulator.Http;
using EniAgent.MetadataEmulator.Runtime;
using EniAgent.MetadataEmulator.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace EniAgent.MetadataEmulator.Hosting;

/// <summary>Builds the Kestrel application; the program and in-process tests (with a fake clock) share it.</summary>
internal static class EmulatorHost
{
    public static WebApplication Build(EmulatorOptions options, Scenario scenario, string scenarioText, TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.Listen);
        });

        // stdout carries only the "listening on" line; every log line goes to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(new EmulatorState(scenario, time));
        builder.Services.AddSingleton<MetadataEndpoint>();
        builder.Services.AddSingleton<ControlEndpoint>();
        if (options.Watch)
        {
            builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<ScenarioFileWatcher>(
                services, options.ScenarioPath, scenarioText));
        }

        var app = builder.Build();
        var metadata = app.Services.GetRequiredService<MetadataEndpoint>();
        var control = app.Services.GetRequiredService<ControlEndpoint>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EniAgent.MetadataEmulator.Requests");
        app.Run(context => DispatchAsync(context, metadata, control, logger));
        return app;
    }

    /// <summary>The address actually bound (port 0 resolved), as <c>http://IP:PORT</c>.</summary>
    public static Uri BoundUri(WebApplication app, IPAddress address)
    {
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(bound).Port;
        return new Uri($"http://{new IPEndPoint(address, port)}");
    }

    private static async Task DispatchAsync(HttpContext context, MetadataEndpoint metadata, ControlEndpoint control, ILogger logger)
    {
        var path = context.Request.Path.Value ?? "/";
        try
        {
            await (path.StartsWith(ControlEndpoint.Prefix, StringComparison.Ordinal)
                ? control.HandleAsync(context)
                : metadata.HandleAsync(context));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (or a drop fault aborted it): nothing to answer.
        }

        var note = context.RequestAborted.IsCancellationRequested ? " (aborted)" : string.Empty;
        Log.Request(logger, context.Request.Method, path, context.Response.StatusCode, note);
    }
}
