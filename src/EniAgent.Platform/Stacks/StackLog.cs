using Microsoft.Extensions.Logging;

namespace EniAgent.Platform.Stacks;

/// <summary>Source-generated log messages of the stack notifiers; event ids 5000-5099 are reserved for them.</summary>
internal static partial class StackLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "{Stack}: no system bus at {Address} ({Reason}); the live configuration is applied and the stack reads the files at its next start")]
    public static partial void NoBus(ILogger logger, string stack, string address, string reason);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "{Stack}: {Service} is not on the system bus; the live configuration is applied and the stack reads the files at its next start")]
    public static partial void ServiceAbsent(ILogger logger, string stack, string service);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "NetworkManager: loaded {Files}")]
    public static partial void ProfilesLoaded(ILogger logger, string files);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "NetworkManager: {Interface} re-applied {File} in place")]
    public static partial void Reapplied(ILogger logger, string @interface, string file);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "NetworkManager: activated {File} on {Interface} only")]
    public static partial void Activated(ILogger logger, string file, string @interface);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "NetworkManager: re-apply on {Interface} refused ({Error}); activating instead")]
    public static partial void ReapplyRefused(ILogger logger, string @interface, string error);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "{Stack}: no device {Interface}; nothing to pick up there")]
    public static partial void NoDevice(ILogger logger, string stack, string @interface);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "systemd-networkd: reloaded .network files")]
    public static partial void Reloaded(ILogger logger);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information, Message = "systemd-networkd: {Interface} took {File} on reload")]
    public static partial void TookOnReload(ILogger logger, string @interface, string file);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Information, Message = "systemd-networkd: {Interface} no longer runs our removed file after the reload (now {File}); it dropped what the file configured")]
    public static partial void ReleasedOnReload(ILogger logger, string @interface, string file);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "systemd-networkd: reconfigured {Interface} (ifindex {Index}) only; it had {File}")]
    public static partial void Reconfigured(ILogger logger, string @interface, int index, string file);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "netplan: {Action} {File} (generated for this interface's definitions only)")]
    public static partial void RuntimeFile(ILogger logger, string action, string file);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "{Stack}: picking up the changed files failed: {Error}")]
    public static partial void Failed(ILogger logger, string stack, string error);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Debug, Message = "systemd-networkd could not answer about {Interface} yet ({Error})")]
    public static partial void QueryRetry(ILogger logger, string @interface, string error);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Warning, Message = "NetworkManager has no profile loaded from {File}")]
    public static partial void ProfileMissing(ILogger logger, string file);

    [LoggerMessage(EventId = 5040, Level = LogLevel.Debug, Message = "no network stack is told about the changed files: {Reason}")]
    public static partial void NotTold(ILogger logger, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "NetworkManager could not load {File} for {Interface}{Hint}")]
    public static partial void ProfileFailed(ILogger logger, string file, string @interface, string hint);

    [LoggerMessage(EventId = 5042, Level = LogLevel.Information, Message = "NetworkManager: deleted its auto-default in-memory profile {Path} on {Interface}, which now runs {File}")]
    public static partial void AutoDefaultDeleted(ILogger logger, string path, string @interface, string file);

    [LoggerMessage(EventId = 5043, Level = LogLevel.Warning, Message = "NetworkManager: could not delete its auto-default profile {Path} on {Interface}: {Error}")]
    public static partial void AutoDefaultDeleteFailed(ILogger logger, string path, string @interface, string error);

    [LoggerMessage(EventId = 5044, Level = LogLevel.Information, Message = "NetworkManager: {Interface} runs its auto-default profile {Path} instead of {File}, which is already in place; handing the device to ours")]
    public static partial void AutoDefaultTakeover(ILogger logger, string @interface, string path, string file);

    [LoggerMessage(EventId = 5045, Level = LogLevel.Debug, Message = "NetworkManager: checked {Count} device(s) of our ENIs for auto-default profiles")]
    public static partial void SweepChecked(ILogger logger, int count);

    [LoggerMessage(EventId = 5046, Level = LogLevel.Debug, Message = "{Stack}: not checking for auto-default profiles: {Reason}")]
    public static partial void SweepSkipped(ILogger logger, string stack, string reason);
}
