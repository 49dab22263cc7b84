using EniAgent.Core.Metadata;

namespace EniAgent.Metadata;

/// <summary>Reads the instance's metadata as one consistent snapshot.</summary>
public interface IMetadataSource
{
    /// <summary>
    /// A complete snapshot, or an exception: <see cref="MetadataUnavailableException"/> when the service could not
    /// be asked, <see cref="MetadataFormatException"/> when its answer is unusable as a whole. Never partial.
    /// </summary>
    Task<MetadataSnapshot> ReadAsync(CancellationToken cancellationToken);
}
