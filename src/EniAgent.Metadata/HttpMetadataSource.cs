using EniAgent.Core.Configuration;
using EniAgent.Core.Metadata;
using Microsoft.Extensions.Logging;

namespace EniAgent.Metadata;

/// <summary>
/// Reads the ECS metadata service over HTTP: <c>meta-data/all</c> in one request while the service serves it,
/// else (after its first 404, for the client's lifetime) a crawl. Both yield the same raw tree, validated by
/// <see cref="MetadataSnapshotBuilder"/>. Create it with <see cref="MetadataSourceFactory"/>.
/// </summary>
public sealed class HttpMetadataSource : IMetadataSource, IDisposable
{
    private const string AllPath = "meta-data/" + MetadataAllDocument.Path;

    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly MetadataHttp _http;
    private readonly MetadataCrawler _crawler;
    private readonly MetadataOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile bool _allUnsupported;

    internal HttpMetadataSource(HttpClient client, bool ownsClient, MetadataOptions options, TimeProvider time, ILogger logger)
    {
        _client = client;
        _ownsClient = ownsClient;
        _options = options;
        _time = time;
        _logger = logger;
        _http = new MetadataHttp(client, options, time, logger);
        _crawler = new MetadataCrawler(_http);
    }

    /// <summary>True once the service answered 404 for <c>meta-data/all</c>; reads crawl from then on.</summary>
    public bool CrawlsItemByItem => _allUnsupported;

    public async Task<MetadataSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        using var scope = new ReadScope(_options.TotalTimeout, _time, cancellationToken);
        try
        {
            try
            {
                var (raw, method) = await ReadRawAsync(scope);
                var snapshot = MetadataSnapshotBuilder.Build(raw);
                MetadataLog.ReadCompleted(_logger, method, snapshot.Enis.Count, snapshot.InvalidEnis.Count);
                return snapshot;
            }
            catch (OperationCanceledException e) when (scope.DeadlineExpired)
            {
                // The deadline can also end a wait between requests (token renewal, the parallel crawl).
                throw scope.DeadlineExceeded("/latest/meta-data/", e);
            }
        }
        catch (MetadataException e)
        {
            MetadataLog.ReadFailed(_logger, e.Message, e);
            throw;
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private async Task<(RawMetadata Raw, string Method)> ReadRawAsync(ReadScope scope)
    {
        if (!_allUnsupported)
        {
            if (await _http.GetAsync(AllPath, scope, scope.Token) is { } document)
            {
                return (MetadataAllDocument.Parse(document), "meta-data/all");
            }

            _allUnsupported = true;
            MetadataLog.FallingBackToCrawl(_logger, "/latest/" + AllPath);
        }

        return (await _crawler.CrawlAsync(scope), "crawl");
    }
}
