using EniAgent.Core.Configuration;

namespace EniAgent.Core.Tests.Configuration;

public class ExcludeEntryTests
{
    [Theory]
    [InlineData("00:16:3E:AA:BB:CC", "00:16:3e:aa:bb:cc")]
    [InlineData("eni-bp1b2c0jvnj0g17b", "eni-bp1b2c0jvnj0g17b")]
    [InlineData("eth5", "eth5")]
    [InlineData("ens5", "ens5")]
    [InlineData("123456789012345", "123456789012345")]
    public void Normalises(string text, string expected) => Assert.Equal(expected, ExcludeEntry.Normalise(text));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("1234567890123456")]
    [InlineData("eth 0")]
    [InlineData("eth0:1")]
    [InlineData("a/b")]
    [InlineData("00:16:3e:aa:bb")]
    [InlineData("eni-")]
    [InlineData("eni-a_b")]
    public void Refuses(string text) => Assert.Null(ExcludeEntry.Normalise(text));
}
