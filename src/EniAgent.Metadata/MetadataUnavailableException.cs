using EniAgent.Core.Metadata;

namespace EniAgent.Metadata;

/// <summary>
/// The metadata service could not be asked (transport errors, timeouts, 5xx/429 after retries, an unreadable
/// listing, the total deadline). It says nothing about which ENIs exist: never act on it as "no ENIs".
/// </summary>
public sealed class MetadataUnavailableException : MetadataException
{
    public MetadataUnavailableException(string path, string reason, Exception? innerException = null)
        : base($"metadata {path}: {reason}", innerException)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The request path that failed, e.g. <c>/latest/meta-data/network/interfaces/macs/</c>.</summary>
    public string Path { get; }

    public string Reason { get; }
}
