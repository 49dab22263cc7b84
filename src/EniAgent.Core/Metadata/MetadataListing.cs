namespace EniAgent.Core.Metadata;

/// <summary>Reads a directory listing: one name per line (LF, CRLF or CR), directories ending with '/'.</summary>
public static class MetadataListing
{
    /// <summary>The listed names without the directory '/', empty lines skipped, otherwise as served.</summary>
    public static IReadOnlyList<string> Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.EndsWith('/') ? line[..^1] : line)
            .Where(name => name.Length > 0)
            .ToList();
    }
}
