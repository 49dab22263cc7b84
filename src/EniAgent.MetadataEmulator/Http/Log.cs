using Microsoft.Extensions.Logging;

namespace EniAgent.MetadataEmulator.Http;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} -> {Status}{Note}")]
    public static partial void Request(ILogger logger, string method, string path, int status, string note);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Injected fault on {Method} {Path}: {Fault}")]
    public static partial void FaultInjected(ILogger logger, string method, string path, string fault);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Control: {Action}")]
    public static partial void Control(ILogger logger, string action);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Control request rejected: {Reason}")]
    public static partial void ControlRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Scenario reloaded from {Path}")]
    public static partial void ScenarioReloaded(ILogger logger, string path);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Scenario file {Path} not reloaded, keeping the previous scenario: {Reason}")]
    public static partial void ScenarioReloadFailed(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Cannot watch {Path} with inotify ({Reason}); polling it every 2 s instead")]
    public static partial void WatchDegraded(ILogger logger, string path, string reason);
}
