using Microsoft.Extensions.Logging;

namespace EniAgent.Metadata;

/// <summary>Source-generated log messages of the metadata client; event ids 1000-1099 are reserved for it.</summary>
internal static partial class MetadataLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Metadata {Path}: attempt {Attempt} failed ({Outcome}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string path, int attempt, string outcome, long delayMs);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Metadata token renewed (TTL {TtlSeconds} s)")]
    public static partial void TokenRenewed(ILogger logger, int ttlSeconds);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Metadata {Path}: token rejected (401); renewing it and retrying once")]
    public static partial void TokenRejected(ILogger logger, string path);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Metadata {Path} is not served (404); crawling the tree item by item from now on")]
    public static partial void FallingBackToCrawl(ILogger logger, string path);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Metadata read via {Method}: {Valid} valid ENIs, {Invalid} invalid")]
    public static partial void ReadCompleted(ILogger logger, string method, int valid, int invalid);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Metadata read failed: {Reason}")]
    public static partial void ReadFailed(ILogger logger, string reason, Exception exception);
}
