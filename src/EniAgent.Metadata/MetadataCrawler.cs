using System.Collections.Concurrent;
using System.Text;
using EniAgent.Core;
using EniAgent.Core.Metadata;

namespace EniAgent.Metadata;

/// <summary>
/// Reads the tree item by item when <c>meta-data/all</c> is not served: the instance leaves and the
/// <c>macs/</c> listing, then every listed MAC's items, a few requests at a time.
/// </summary>
internal sealed class MetadataCrawler(MetadataHttp http)
{
    /// <summary>Small, to stay clear of the service's (unpublished) rate limit.</summary>
    public const int Parallelism = 4;

    private const string MetaData = "meta-data/";

    public async Task<RawMetadata> CrawlAsync(ReadScope scope)
    {
        var listingPath = MetaData + MetadataItems.MacsDirectory;
        var first = await FetchAsync(MetadataItems.InstanceLeaves.Select(item => MetaData + item).Append(listingPath), scope);
        if (first[listingPath] is not { } listing)
        {
            // Every instance has a primary ENI: a missing listing is a failed read, never "no ENIs".
            throw new MetadataUnavailableException("/latest/" + listingPath, "HTTP 404 for the ENI listing");
        }

        var instance = MetadataItems.InstanceLeaves
            .Where(item => first[MetaData + item] is not null)
            .ToDictionary(item => item, item => first[MetaData + item]!, StringComparer.Ordinal);

        // Only names that are MACs go into a URL; the others are reported invalid by the builder.
        var names = MetadataListing.Parse(listing);
        var crawlable = names.Where(name => MacAddress.TryParse(name, out _)).Distinct(StringComparer.Ordinal).ToList();
        var itemPaths = crawlable.SelectMany(mac => MetadataItems.EniLeaves.Select(item => EniItemPath(mac, item)));
        var values = await FetchAsync(itemPaths, scope);

        var enis = names.Select(name => new RawEni(
            name,
            crawlable.Contains(name)
                ? MetadataItems.EniLeaves
                    .Where(item => values[EniItemPath(name, item)] is not null)
                    .Select(item => new KeyValuePair<string, string>(item, values[EniItemPath(name, item)]!))
                : []));
        return new RawMetadata(instance, enis);
    }

    private static string EniItemPath(string mac, string item) => $"{MetaData}{MetadataItems.MacsDirectory}{mac}/{item}";

    /// <summary>Each path's text, null when absent; the first failure fails the whole crawl.</summary>
    private async Task<IReadOnlyDictionary<string, string?>> FetchAsync(IEnumerable<string> paths, ReadScope scope)
    {
        var results = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = scope.Token };
        await Parallel.ForEachAsync(paths, options, async (path, cancellationToken) =>
        {
            var body = await http.GetAsync(path, scope, cancellationToken);
            results[path] = body is null ? null : Encoding.UTF8.GetString(body);
        });
        return results;
    }
}
