using System.Net.NetworkInformation;
using EniAgent.Core;

namespace EniAgent.Rendering;

/// <summary>
/// The comment every rendered file starts with. The writer only overwrites or deletes files that carry it,
/// so a file an administrator wrote under the same name is never touched.
/// </summary>
public static class OwnershipHeader
{
    /// <summary>The fixed start of the first line of every owned file.</summary>
    public const string Marker = "# Managed by eniagent";

    private const string Tail = "Changes are overwritten; remove with eniagent clean.";

    /// <summary>Header line for a file owned by one ENI (the ID must already be validated).</summary>
    public static string ForEni(string eniId, PhysicalAddress mac) =>
        $"{Marker} (ENI {eniId}, MAC {MacAddress.Format(mac)}). {Tail}";

    /// <summary>Header line for a file shared by all managed ENIs.</summary>
    public static string Shared => $"{Marker} (shared by all managed ENIs). {Tail}";

    /// <summary>True when the text's first line is an eniagent ownership header.</summary>
    public static bool IsOwned(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var firstLine = content.AsSpan();
        var end = firstLine.IndexOfAny('\n', '\r');
        if (end >= 0)
        {
            firstLine = firstLine[..end];
        }

        return firstLine.StartsWith(Marker + " (", StringComparison.Ordinal) && firstLine.EndsWith(Tail, StringComparison.Ordinal);
    }

    /// <summary>The ENI ID an owned file names in its header; null for shared or foreign files.</summary>
    public static string? OwnerOf(string content)
    {
        if (!IsOwned(content))
        {
            return null;
        }

        const string prefix = Marker + " (ENI ";
        if (!content.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = content.IndexOf(',', prefix.Length);
        return end < 0 ? null : content[prefix.Length..end];
    }

    /// <summary>The MAC an owned ENI file names in its header (which link it configures); null for shared or foreign files.</summary>
    public static PhysicalAddress? MacOf(string content)
    {
        if (OwnerOf(content) is not { } eniId)
        {
            return null;
        }

        // "# Managed by eniagent (ENI eni-x, MAC 00:16:3e:00:00:01). ..."
        var at = Marker.Length + " (ENI ".Length + eniId.Length + ", MAC ".Length;
        return content.Length >= at + 17 && MacAddress.TryParse(content.AsSpan(at, 17), out var mac) ? mac : null;
    }
}
