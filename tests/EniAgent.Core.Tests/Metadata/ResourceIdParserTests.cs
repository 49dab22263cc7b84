using CsCheck;
using EniAgent.Core.Metadata.Parsing;

namespace EniAgent.Core.Tests.Metadata;

public sealed class ResourceIdParserTests
{
    [Theory]
    [InlineData("eni-bp1b2c0jvnj0g17bxxxx", "eni-")]
    [InlineData("vsw-bp1s5fnvk4gn2tws03624", "vsw-")]
    [InlineData("vpc-bp1opxu1zkhn00gzv26cj", "vpc-")]
    [InlineData("i-bp67acfmxazb4p8c2xyz", "i-")]
    public void Accepts_real_shaped_ids(string text, string prefix)
    {
        Assert.True(ResourceIdParser.TryParse(text, prefix, out var id, out _));
        Assert.Equal(text, id);
    }

    [Theory]
    [InlineData("eni-bp1b2c0jvnj0g17b****", "'eni-' must be followed by 1 to 60 lowercase letters or digits")]
    [InlineData("eni-", "'eni-' must be followed by 1 to 60 lowercase letters or digits")]
    [InlineData("eni-ABC", "'eni-' must be followed by 1 to 60 lowercase letters or digits")]
    [InlineData("eni-abc;reboot", "'eni-' must be followed by 1 to 60 lowercase letters or digits")]
    [InlineData("eni-abc def", "'eni-' must be followed by 1 to 60 lowercase letters or digits")]
    [InlineData("vsw-abc", "does not start with 'eni-'")]
    [InlineData("", "does not start with 'eni-'")]
    public void Rejects_other_eni_ids(string text, string reason)
    {
        Assert.False(ResourceIdParser.TryParseEni(text, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Overlong_ids_are_refused()
    {
        Assert.True(ResourceIdParser.TryParseEni("eni-" + new string('a', 60), out _, out _));
        Assert.False(ResourceIdParser.TryParseEni("eni-" + new string('a', 61), out _, out _));
    }

    [Theory]
    [InlineData("cn-hangzhou", true)]
    [InlineData("cn-hangzhou-i", true)]
    [InlineData("ecs.g7.large", true)]
    [InlineData("", false)]
    [InlineData("-cn", false)]
    [InlineData("cn_hangzhou", false)]
    [InlineData("CN", false)]
    public void Names(string text, bool ok) => Assert.Equal(ok, ResourceIdParser.TryParseName(text, out _, out _));

    [Fact]
    public void Arbitrary_text_yields_only_clean_ids() =>
        ParserProperty.Holds<string>(Gen.OneOf(Gen.String, Gen.String["eni-abc9 *;"]), ResourceIdParser.TryParseEni, (_, id) =>
        {
            Assert.StartsWith("eni-", id, StringComparison.Ordinal);
            Assert.All(id[4..], c => Assert.True(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)));
        });
}
