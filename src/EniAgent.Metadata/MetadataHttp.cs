using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using EniAgent.Core.Configuration;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace EniAgent.Metadata;

/// <summary>
/// GETs below <c>/latest/</c> with a token (token mode always: it works whether or not the instance is
/// hardened), through the resilience pipeline. 404 is "absent"; a rejected token is renewed and the GET retried
/// once; every other failure becomes <see cref="MetadataUnavailableException"/> naming the path.
/// </summary>
internal sealed class MetadataHttp : IDisposable
{
    public const string TokenPath = "/latest/api/token";
    public const string TokenHeader = "X-aliyun-ecs-metadata-token";
    public const string TokenTtlHeader = "X-aliyun-ecs-metadata-token-ttl-seconds";

    private const int MaxTokenLength = 1024;

    private readonly HttpClient _client;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly MetadataTokenCache _tokens;
    private readonly ILogger _logger;

    public MetadataHttp(HttpClient client, MetadataOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _logger = logger;
        _pipeline = MetadataResilience.Build(options, time, logger);
        _tokens = new MetadataTokenCache(FetchTokenAsync, options.TokenTtl, time, logger);
    }

    /// <summary>The body of <c>/latest/{relativePath}</c>, or null when it answers 404.</summary>
    /// <param name="cancellationToken">The scope's token, or one linked to it (parallel crawls stop early).</param>
    public async Task<byte[]?> GetAsync(string relativePath, ReadScope scope, CancellationToken cancellationToken)
    {
        var path = "/latest/" + relativePath;
        var token = await _tokens.GetAsync(scope);
        var body = await SendAsync(HttpMethod.Get, path, TokenHeader, token, scope, cancellationToken);
        if (body.Status == HttpStatusCode.Unauthorized)
        {
            MetadataLog.TokenRejected(_logger, path);
            _tokens.Invalidate(token);
            token = await _tokens.GetAsync(scope);
            body = await SendAsync(HttpMethod.Get, path, TokenHeader, token, scope, cancellationToken);
        }

        return body.Status switch
        {
            HttpStatusCode.OK => body.Content,
            HttpStatusCode.NotFound => null,
            _ => throw new MetadataUnavailableException(path, $"HTTP {(int)body.Status}"),
        };
    }

    public void Dispose() => _tokens.Dispose();

    private async Task<string> FetchTokenAsync(int ttlSeconds, ReadScope scope)
    {
        var answer = await SendAsync(HttpMethod.Put, TokenPath, TokenTtlHeader, ttlSeconds.ToString(CultureInfo.InvariantCulture), scope, scope.Token);
        if (answer.Status != HttpStatusCode.OK)
        {
            throw new MetadataUnavailableException(TokenPath, $"HTTP {(int)answer.Status}");
        }

        var token = System.Text.Encoding.ASCII.GetString(answer.Content).Trim();
        if (token.Length is 0 or > MaxTokenLength || token.Any(c => c is <= ' ' or >= '\x7f'))
        {
            throw new MetadataUnavailableException(TokenPath, "the service answered a malformed token");
        }

        return token;
    }

    private async Task<Answer> SendAsync(HttpMethod method, string path, string header, string headerValue, ReadScope scope, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MetadataResilience.PathKey, path);
        var attempts = new StrongBox<int>();
        HttpResponseMessage? response = null;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async (ctx, state) =>
                {
                    state.attempts.Value++;
                    using var request = new HttpRequestMessage(state.method, new Uri(state.path.TrimStart('/'), UriKind.Relative));
                    request.Headers.TryAddWithoutValidation(state.header, state.headerValue);

                    // Default completion option: the body is read inside the attempt, under its timeout.
                    return await state.client.SendAsync(request, ctx.CancellationToken);
                },
                context,
                (client: _client, method, path, header, headerValue, attempts));
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var status = response.StatusCode;
            if (MetadataResilience.IsTransient(Outcome.FromResult(response)))
            {
                throw new MetadataUnavailableException(path, $"HTTP {(int)status} after {Attempts(attempts.Value)}");
            }

            return new Answer(status, content);
        }
        catch (OperationCanceledException e) when (scope.DeadlineExpired)
        {
            throw scope.DeadlineExceeded(path, e);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or IOException)
        {
            throw new MetadataUnavailableException(path, $"{MetadataResilience.Describe(e)} after {Attempts(attempts.Value)}", e);
        }
        finally
        {
            response?.Dispose();
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static string Attempts(int count) => count == 1 ? "1 attempt" : $"{count} attempts";

    private readonly record struct Answer(HttpStatusCode Status, byte[] Content);
}
