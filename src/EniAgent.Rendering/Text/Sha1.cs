using System.Buffers.Binary;
using System.Numerics;

namespace EniAgent.Rendering.Text;

/// <summary>
/// SHA-1 (FIPS 180-4) in managed code, only for name-based UUIDs. The BCL's SHA1 loads OpenSSL (libcrypto and
/// libssl, ~3.7 MB of resident memory that stays for the daemon's lifetime) for a few dozen bytes hashed per
/// render; nothing in eniagent relies on SHA-1 for security.
/// </summary>
internal static class Sha1
{
    public const int HashSize = 20;

    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < HashSize)
        {
            throw new ArgumentException($"needs {HashSize} bytes", nameof(destination));
        }

        Span<uint> h = [0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u];
        Span<uint> w = stackalloc uint[80];
        var whole = source.Length / 64 * 64;
        for (var offset = 0; offset < whole; offset += 64)
        {
            Compress(source.Slice(offset, 64), h, w);
        }

        // Padding: 0x80, zeros, then the message length in bits (big-endian) in the last 8 bytes of the last block.
        Span<byte> tail = stackalloc byte[128];
        tail.Clear();
        var rest = source[whole..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var tailLength = rest.Length + 9 <= 64 ? 64 : 128;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(tailLength - 8)..], (ulong)source.Length * 8);
        for (var offset = 0; offset < tailLength; offset += 64)
        {
            Compress(tail.Slice(offset, 64), h, w);
        }

        for (var i = 0; i < 5; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(i * 4)..], h[i]);
        }
    }

    private static void Compress(ReadOnlySpan<byte> block, Span<uint> h, Span<uint> w)
    {
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        }

        for (var t = 16; t < 80; t++)
        {
            w[t] = BitOperations.RotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        }

        uint a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
        for (var t = 0; t < 80; t++)
        {
            var (f, k) = t switch
            {
                < 20 => ((b & c) | (~b & d), 0x5A827999u),
                < 40 => (b ^ c ^ d, 0x6ED9EBA1u),
                < 60 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDCu),
                _ => (b ^ c ^ d, 0xCA62C1D6u),
            };
            var next = BitOperations.RotateLeft(a, 5) + f + e + k + w[t];
            (e, d, c, b, a) = (d, c, BitOperations.RotateLeft(b, 30), a, next);
        }

        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
    }
}
