using System.Net;
using EniAgent.Core.Configuration;
using EniAgent.Core.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EniAgent.Metadata;

/// <summary>Builds the metadata client without a DI container (the CLI) or for one (<see cref="MetadataServiceCollectionExtensions"/>).</summary>
public static class MetadataSourceFactory
{
    /// <summary>A client with its own connection pool (disposed with it).</summary>
    public static HttpMetadataSource Create(MetadataOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null) =>
        Create(options, CreateHandler(options), loggerFactory, timeProvider);

    /// <summary>A client over <paramref name="handler"/> (tests reach an emulator in another namespace this way); the client owns it.</summary>
    public static HttpMetadataSource Create(MetadataOptions options, HttpMessageHandler handler, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        var client = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = options.Endpoint,

            // Timeouts are the pipeline's (per attempt) and the read's (total), measured on the TimeProvider.
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MetadataAllDocument.MaxBytes,
        };
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("EniAgent.Metadata");
        return new HttpMetadataSource(client, ownsClient: true, options, timeProvider ?? TimeProvider.System, logger);
    }

    /// <summary>
    /// No proxy: the service refuses proxied requests (403 on X-Forwarded-For) and is link-local anyway. No
    /// redirects: nothing legitimate redirects away from it.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(MetadataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = options.AttemptTimeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = MetadataCrawler.Parallelism,
        };
    }
}
