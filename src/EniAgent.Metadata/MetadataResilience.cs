using System.Net;
using EniAgent.Core.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace EniAgent.Metadata;

/// <summary>
/// The per-request pipeline: jittered exponential retry (transport errors, attempt timeouts, 429, 5xx; no other
/// 4xx) around a per-attempt timeout. The attempt includes reading the body, so a stalled body times out too.
/// </summary>
internal static class MetadataResilience
{
    /// <summary>The request path, for retry logs.</summary>
    public static readonly ResiliencePropertyKey<string> PathKey = new("eniagent.metadata.path");

    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public static ResiliencePipeline<HttpResponseMessage> Build(MetadataOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = MaxDelay,

                // Our own capped backoff: a large Retry-After would just hold the read until its deadline.
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                OnRetry = args =>
                {
                    var path = args.Context.Properties.GetValue(PathKey, "?");
                    MetadataLog.Retrying(logger, path, args.AttemptNumber + 1, Describe(args.Outcome), (long)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>Worth another attempt: the service may answer differently next time.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException or IOException } => true,
        { Result: { } response } => response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
        _ => false,
    };

    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException e } => $"no answer within {e.Timeout.TotalMilliseconds:0} ms",
        { Exception: { } e } => Describe(e),
        { Result: { } response } => $"HTTP {(int)response.StatusCode}",
        _ => "unknown outcome",
    };

    public static string Describe(Exception exception) => exception switch
    {
        TimeoutRejectedException e => $"no answer within {e.Timeout.TotalMilliseconds:0} ms",
        HttpRequestException { InnerException: { } inner } e when !e.Message.Contains(inner.Message, StringComparison.Ordinal) => $"{e.Message} ({inner.Message})",
        _ => exception.Message,
    };
}
