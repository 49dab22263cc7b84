using System.Text;

namespace EniAgent.Rendering.Text;

/// <summary>
/// Name-based UUIDs (RFC 4122 version 5: SHA-1 of a namespace and a name), so a NetworkManager profile keeps the
/// same UUID across renders and hosts for the same ENI.
/// </summary>
internal static class DeterministicUuid
{
    /// <summary>eniagent's own namespace (a random v4 UUID fixed forever).</summary>
    private static readonly Guid Namespace = new("5f0b2c1e-8f4a-4d67-9a43-1c2e7b9d0a51");

    public static Guid Create(string name)
    {
        Span<byte> ns = stackalloc byte[16];
        Namespace.TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        ns.CopyTo(input);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[Sha1.HashSize];
        Sha1.HashData(input, hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
