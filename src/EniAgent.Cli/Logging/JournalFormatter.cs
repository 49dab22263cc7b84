using Serilog.Events;
using Serilog.Formatting;

namespace EniAgent.Cli.Logging;

/// <summary>
/// One line per event. Under systemd (stderr connected to the journal) each line starts with a
/// <c>&lt;N&gt;</c> syslog priority prefix so journald keeps the level; structured properties follow as key=value.
/// </summary>
internal sealed class JournalFormatter(bool priorityPrefix) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        if (priorityPrefix)
        {
            output.Write('<');
            output.Write(Priority(logEvent.Level));
            output.Write('>');
        }
        else
        {
            output.Write(Abbreviation(logEvent.Level));
            output.Write(' ');
        }

        output.Write(Sanitize(RenderMessage(logEvent)));
        foreach (var (name, value) in logEvent.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (name is "EventId" or "SourceContext" || logEvent.MessageTemplate.Text.Contains("{" + name, StringComparison.Ordinal))
            {
                continue;
            }

            output.Write(' ');
            output.Write(name);
            output.Write('=');
            output.Write(Sanitize(value.ToString()));
        }

        if (logEvent.Exception is { } ex)
        {
            output.Write(": ");
            output.Write(Sanitize(ex.Message));
        }

        output.Write('\n');
    }

    // Like LogEvent.RenderMessage, but strings unquoted: these lines are read by people, not parsed.
    private static string RenderMessage(LogEvent logEvent)
    {
        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var token in logEvent.MessageTemplate.Tokens)
        {
            if (token is Serilog.Parsing.PropertyToken property
                && logEvent.Properties.TryGetValue(property.PropertyName, out var value)
                && value is ScalarValue { Value: string raw })
            {
                text.Write(raw);
            }
            else
            {
                token.Render(logEvent.Properties, text, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return text.ToString();
    }

    internal static int Priority(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => 2,
        LogEventLevel.Error => 3,
        LogEventLevel.Warning => 4,
        LogEventLevel.Information => 6,
        _ => 7,
    };

    private static string Abbreviation(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => "FTL",
        LogEventLevel.Error => "ERR",
        LogEventLevel.Warning => "WRN",
        LogEventLevel.Information => "INF",
        LogEventLevel.Debug => "DBG",
        _ => "VRB",
    };

    // One event must stay one journal line, whatever a value contains.
    private static string Sanitize(string text) =>
        text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
            ? text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            : text;
}
