using System.Security.Cryptography;
using System.Text;
using CsCheck;
using EniAgent.Rendering.Text;

namespace EniAgent.Rendering.Tests.Text;

public sealed class Sha1Tests
{
    // FIPS 180-4 / RFC 3174 test vectors, including the two-block padding case (56 bytes).
    [Theory]
    [InlineData("", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("abc", "a9993e364706816aba3e25717850c26c9cd0d89d")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1")]
    public void Matches_the_published_vectors(string message, string expected)
    {
        Assert.Equal(expected, Hash(Encoding.ASCII.GetBytes(message)));
    }

    [Fact]
    public void Matches_the_vector_of_a_million_a()
    {
        Assert.Equal("34aa973cd4c4daa4f61eeb2bdbad27316534016f", Hash(Enumerable.Repeat((byte)'a', 1_000_000).ToArray()));
    }

    [Fact]
    public void Agrees_with_the_platform_sha1_for_any_input()
    {
        // Lengths up to 300 cross every padding boundary (55/56/63/64 bytes and their multiples).
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
#pragma warning disable CA5350 // the reference implementation under test, not a security use
            Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(bytes)), Hash(bytes));
#pragma warning restore CA5350
        }, iter: 2000);
    }

    [Fact]
    public void Refuses_a_short_destination()
    {
        Assert.Throws<ArgumentException>(() => Sha1.HashData([1, 2, 3], new byte[19]));
    }

    private static string Hash(byte[] bytes)
    {
        var hash = new byte[Sha1.HashSize];
        Sha1.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }
}
