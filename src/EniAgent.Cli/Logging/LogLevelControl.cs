using EniAgent.Core.Configuration;
using Serilog.Core;
using Serilog.Events;

namespace EniAgent.Cli.Logging;

/// <summary>
/// The logger's minimum level as a Serilog switch, so the daemon can apply a reloaded <c>log-level</c> while it
/// runs. <c>-v</c> always means debug; one-shot commands log only problems unless <c>-v</c> is given.
/// </summary>
internal sealed class LogLevelControl(bool verbose, bool interactive)
{
    public LoggingLevelSwitch Switch { get; } = new();

    public LogEventLevel Minimum => Switch.MinimumLevel;

    public void Apply(LogLevelOption level) => Switch.MinimumLevel = MinimumFor(level);

    private LogEventLevel MinimumFor(LogLevelOption level)
    {
        if (verbose)
        {
            return LogEventLevel.Debug;
        }

        var minimum = level switch
        {
            LogLevelOption.Debug => LogEventLevel.Debug,
            LogLevelOption.Warning => LogEventLevel.Warning,
            LogLevelOption.Error => LogEventLevel.Error,
            _ => LogEventLevel.Information,
        };

        // One-shot commands print their own report on stdout; their log carries only problems.
        return interactive && minimum < LogEventLevel.Warning ? LogEventLevel.Warning : minimum;
    }
}
