using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace EniAgent.Core.Metadata.Parsing;

/// <summary>A dotted IPv4 netmask whose one-bits are contiguous, read as its prefix length.</summary>
internal static class NetmaskParser
{
    public static bool TryParse(string text, out int prefixLength, [NotNullWhen(false)] out string? error)
    {
        prefixLength = 0;
        if (!Ipv4Parser.TryParse(text, out var mask, out error))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[4];
        mask.TryWriteBytes(bytes, out _);
        var bits = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        var ones = BitOperations.PopCount(bits);
        if (ones != BitOperations.LeadingZeroCount(~bits))
        {
            error = "not a contiguous netmask";
            return false;
        }

        prefixLength = ones;
        return true;
    }
}
