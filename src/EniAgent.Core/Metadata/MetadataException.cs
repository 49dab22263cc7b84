namespace EniAgent.Core.Metadata;

/// <summary>Base of the errors that make a metadata read produce no snapshot at all.</summary>
public abstract class MetadataException : Exception
{
    protected MetadataException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
