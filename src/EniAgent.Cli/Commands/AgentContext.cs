using System.CommandLine;
using EniAgent.Cli.Logging;
using EniAgent.Core.Configuration;
using EniAgent.Core.Host;
using EniAgent.Platform.Configuration;
using Microsoft.Extensions.Logging;

namespace EniAgent.Cli.Commands;

/// <summary>
/// What every command needs, built once from the common options: paths under <c>--root</c>, the
/// configuration (with command-line overrides) and logging.
/// </summary>
internal sealed class AgentContext : IDisposable
{
    private AgentContext(HostPaths paths, AgentOptions options, LogLevelControl logLevel, string? configFile)
    {
        Paths = paths;
        Options = options;
        LogLevel = logLevel;
        Loggers = LoggingSetup.Create(logLevel);
        ConfigFile = configFile;
    }

    public HostPaths Paths { get; }

    public AgentOptions Options { get; }

    public ILoggerFactory Loggers { get; }

    /// <summary>The loggers' minimum level (the daemon applies a reloaded <c>log-level</c> to it).</summary>
    public LogLevelControl LogLevel { get; }

    /// <summary>The explicit <c>--config</c> file, if any (the daemon reloads it on SIGHUP).</summary>
    public string? ConfigFile { get; }

    /// <summary>Builds the context; a broken configuration file throws <see cref="ConfigurationException"/>.</summary>
    public static AgentContext Create(ParseResult parse, CommonOptions common, bool interactive = true)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var root = parse.GetValue(common.Root)?.FullName ?? "/";
        var paths = new HostPaths(root);
        var configFile = parse.GetValue(common.Config)?.FullName;
        var options = ConfigurationLoader.Load(configFile, paths.Root);
        if (parse.GetValue(common.MetadataUrl) is { } url)
        {
            options = options with { Metadata = options.Metadata with { Endpoint = url } };
        }

        var logLevel = new LogLevelControl(parse.GetValue(common.Verbose), interactive);
        logLevel.Apply(options.LogLevel);
        return new AgentContext(paths, options, logLevel, configFile);
    }

    public void Dispose() => Loggers.Dispose();
}
