using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace EniAgent.Cli.Logging;

/// <summary>Serilog configured in code (Serilog.Settings.Configuration is not AOT-safe); all logs go to stderr.</summary>
internal static class LoggingSetup
{
    /// <param name="level">The minimum level; changing it later changes what the returned factory's loggers write.</param>
    public static ILoggerFactory Create(LogLevelControl level)
    {
        ArgumentNullException.ThrowIfNull(level);

        // systemd sets JOURNAL_STREAM when stderr is connected to the journal.
        var underJournal = Environment.GetEnvironmentVariable("JOURNAL_STREAM") is { Length: > 0 };
        var logger = new LoggerConfiguration()
            .MinimumLevel.ControlledBy(level.Switch)
            .Enrich.FromLogContext()
            .WriteTo.Console(new JournalFormatter(underJournal), standardErrorFromLevel: LogEventLevel.Verbose)
            .CreateLogger();
        return LoggerFactory.Create(b => b.ClearProviders().SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace).AddSerilog(logger, dispose: true));
    }
}
