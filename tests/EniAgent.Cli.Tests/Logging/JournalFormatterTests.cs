using EniAgent.Cli.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace EniAgent.Cli.Tests.Logging;

public sealed class JournalFormatterTests
{
    [Theory]
    [InlineData(LogEventLevel.Fatal, "<2>", "FTL ")]
    [InlineData(LogEventLevel.Error, "<3>", "ERR ")]
    [InlineData(LogEventLevel.Warning, "<4>", "WRN ")]
    [InlineData(LogEventLevel.Information, "<6>", "INF ")]
    [InlineData(LogEventLevel.Debug, "<7>", "DBG ")]
    [InlineData(LogEventLevel.Verbose, "<7>", "VRB ")]
    public void Each_level_gets_its_syslog_priority_under_the_journal_and_an_abbreviation_elsewhere(LogEventLevel level, string priority, string abbreviation)
    {
        Assert.Equal(priority + "reconciled\n", Format(Event(level, "reconciled"), journal: true));
        Assert.Equal(abbreviation + "reconciled\n", Format(Event(level, "reconciled"), journal: false));
    }

    [Fact]
    public void String_values_in_the_message_are_unquoted_and_others_rendered_as_usual()
    {
        var e = Event(LogEventLevel.Information, "file {Action} {Path}: {Count} change(s), {Ratio:0.0}", ("Action", "create"), ("Path", "/etc/netplan/90-eniagent-eth1.yaml"), ("Count", 3), ("Ratio", 0.25));

        Assert.Equal("<6>file create /etc/netplan/90-eniagent-eth1.yaml: 3 change(s), 0.3\n", Format(e, journal: true));
    }

    [Fact]
    public void Properties_not_in_the_message_follow_as_sorted_key_value_pairs_without_event_id_and_source()
    {
        var e = Event(
            LogEventLevel.Warning,
            "link {Link} vanished",
            ("Link", "eth1"),
            ("Mac", "00:16:3e:00:00:02"),
            ("Attempt", 2),
            ("EventId", 2000),
            ("SourceContext", "EniAgent.Cli.Reconciliation.Reconciler"));

        Assert.Equal("<4>link eth1 vanished Attempt=2 Mac=\"00:16:3e:00:00:02\"\n", Format(e, journal: true));
    }

    [Fact]
    public void An_exception_adds_its_message_after_a_colon()
    {
        var e = Event(LogEventLevel.Error, "reconcile failed", exception: new IOException("disk full"));

        Assert.Equal("<3>reconcile failed: disk full\n", Format(e, journal: true));
    }

    [Fact]
    public void Line_breaks_anywhere_in_an_event_stay_on_one_journal_line()
    {
        var e = Event(
            LogEventLevel.Warning,
            "metadata {Item} refused",
            exception: new FormatException("bad\r\nvalue"),
            properties: [("Item", "gateway\n$(reboot)"), ("Value", "10.0.0.1\r\nx")]);

        var line = Format(e, journal: true);

        Assert.Equal("<4>metadata gateway\\n$(reboot) refused Value=\"10.0.0.1\\r\\nx\": bad\\r\\nvalue\n", line);
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_line_break_in_the_template_itself_is_escaped_too()
    {
        Assert.Equal("INF two\\nlines\n", Format(Event(LogEventLevel.Information, "two\nlines"), journal: false));
    }

    private static string Format(LogEvent e, bool journal)
    {
        using var output = new StringWriter();
        new JournalFormatter(journal).Format(e, output);
        return output.ToString();
    }

    private static LogEvent Event(LogEventLevel level, string template, params (string Name, object Value)[] properties) =>
        Event(level, template, null, properties);

    private static LogEvent Event(LogEventLevel level, string template, Exception? exception, params (string Name, object Value)[] properties) =>
        new(
            DateTimeOffset.UnixEpoch,
            level,
            exception,
            new MessageTemplateParser().Parse(template),
            properties.Select(p => new LogEventProperty(p.Name, new ScalarValue(p.Value))));
}
