using EniAgent.Core.Configuration;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace EniAgent.Cli.Logging;

/// <summary>Serilog configured in code (Serilog.Settings.Configuration is not AOT-safe); all logs go to stderr.</summary>
internal static class LoggingSetup
{
    public static ILoggerFactory Create(LogLevelOption level, bool verbose = false, bool interactive = false)
    {
        // systemd sets JOURNAL_STREAM when stderr is connected to the journal.
        var underJournal = Environment.GetEnvironmentVariable("JOURNAL_STREAM") is { Length: > 0 };
        var minimum = verbose ? LogEventLevel.Debug : level switch
        {
            LogLevelOption.Debug => LogEventLevel.Debug,
            LogLevelOption.Warning => LogEventLevel.Warning,
            LogLevelOption.Error => LogEventLevel.Error,
            _ => LogEventLevel.Information,
        };

        // One-shot commands print their own report on stdout; their log carries only problems unless -v.
        if (interactive && !verbose && minimum < LogEventLevel.Warning)
        {
            minimum = LogEventLevel.Warning;
        }

        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .Enrich.FromLogContext()
            .WriteTo.Console(new JournalFormatter(underJournal), standardErrorFromLevel: LogEventLevel.Verbose)
            .CreateLogger();
        return LoggerFactory.Create(b => b.ClearProviders().SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace).AddSerilog(logger, dispose: true));
    }
}
