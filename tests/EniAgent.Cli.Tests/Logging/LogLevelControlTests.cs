using EniAgent.Cli.Logging;
using EniAgent.Core.Configuration;
using Serilog.Events;

namespace EniAgent.Cli.Tests.Logging;

public sealed class LogLevelControlTests
{
    [Theory]
    [InlineData(LogLevelOption.Debug, false, false, LogEventLevel.Debug)]
    [InlineData(LogLevelOption.Information, false, false, LogEventLevel.Information)]
    [InlineData(LogLevelOption.Error, false, false, LogEventLevel.Error)]
    [InlineData(LogLevelOption.Error, true, false, LogEventLevel.Debug)]
    [InlineData(LogLevelOption.Debug, false, true, LogEventLevel.Warning)]
    [InlineData(LogLevelOption.Error, false, true, LogEventLevel.Error)]
    [InlineData(LogLevelOption.Information, true, true, LogEventLevel.Debug)]
    public void Verbose_means_debug_and_one_shot_commands_log_only_problems(LogLevelOption option, bool verbose, bool interactive, LogEventLevel expected)
    {
        var control = new LogLevelControl(verbose, interactive);
        control.Apply(option);
        Assert.Equal(expected, control.Minimum);
    }

    [Fact]
    public void A_new_level_moves_the_switch_the_loggers_read()
    {
        var control = new LogLevelControl(verbose: false, interactive: false);
        control.Apply(LogLevelOption.Information);
        using var factory = LoggingSetup.Create(control);
        var logger = factory.CreateLogger("test");
        Assert.False(logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug));

        control.Apply(LogLevelOption.Debug);

        Assert.Equal(LogEventLevel.Debug, control.Switch.MinimumLevel);
        Assert.True(logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug));
    }
}
