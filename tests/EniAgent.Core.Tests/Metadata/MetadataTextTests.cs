using CsCheck;
using EniAgent.Core.Metadata.Parsing;

namespace EniAgent.Core.Tests.Metadata;

public sealed class MetadataTextTests
{
    [Theory]
    [InlineData("eni-abc\n", "eni-abc")]
    [InlineData("eni-abc\r\n", "eni-abc")]
    [InlineData("eni-abc\r", "eni-abc")]
    [InlineData("00:16:3e:00:00:01/", "00:16:3e:00:00:01")]
    [InlineData("00:16:3e:00:00:01/\r\n", "00:16:3e:00:00:01")]
    [InlineData("192.168.1.0/24", "192.168.1.0/24")]
    [InlineData("a\nb", "a\nb")]
    public void Trailing_terminators_are_dropped(string raw, string expected) =>
        Assert.Equal(expected, MetadataText.TrimTerminators(raw));

    [Theory]
    [InlineData("a\nb", false, "contains a line break")]
    [InlineData("a b", false, "contains whitespace")]
    [InlineData("a\tb", true, "contains control character \\t")]
    [InlineData("a\0b", true, "contains control character \\x00")]
    [InlineData("a\u007fb", true, "contains control character \\x7f")]
    [InlineData("aéb", true, "contains non-ASCII character \\xe9")]
    [InlineData("a\u202eb", true, "contains non-ASCII character \\u202e")]
    [InlineData("$(reboot)", false, "contains forbidden character '$'")]
    [InlineData("a;b", true, "contains forbidden character ';'")]
    [InlineData("a`b", true, "contains forbidden character '`'")]
    [InlineData("\"a\"", false, "contains forbidden character '\"'")]
    public void Rejects_hostile_characters(string text, bool list, string reason)
    {
        Assert.False(MetadataText.TryCheck(text, list, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Rejects_absurd_lengths()
    {
        Assert.True(MetadataText.TryCheck(new string('a', 4096), false, out _));
        Assert.False(MetadataText.TryCheck(new string('a', 4097), false, out var error));
        Assert.Equal("longer than 4096 bytes", error);
    }

    [Fact]
    public void Sanitized_text_is_printable_ascii_and_bounded()
    {
        Gen.String.Sample(text =>
        {
            var shown = MetadataText.Sanitize(text);
            Assert.All(shown, c => Assert.InRange(c, ' ', '~'));
            Assert.True(shown.Length <= 96 + 40);
        });
        Assert.Equal("a\\nb\\\"\\x00", MetadataText.Sanitize("a\nb\"\0"));
    }
}
