using CsCheck;
using EniAgent.Core.Configuration;

namespace EniAgent.Core.Tests.Configuration;

public class DurationTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2_000)]
    [InlineData("10m", 600_000)]
    [InlineData("6h", 21_600_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1m500ms", 60_500)]
    [InlineData("0s", 0)]
    [InlineData("007s", 7_000)]
    public void Parses(string text, long milliseconds)
    {
        Assert.True(Duration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("5")]
    [InlineData("s")]
    [InlineData("5 s")]
    [InlineData(" 5s")]
    [InlineData("5S")]
    [InlineData("-5s")]
    [InlineData("+5s")]
    [InlineData("1.5s")]
    [InlineData("5sec")]
    [InlineData("5us")]
    [InlineData("1h 30m")]
    [InlineData("9999999999999d")]
    [InlineData("999999999999d")]
    public void Refuses(string? text)
    {
        Assert.False(Duration.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(500, "500ms")]
    [InlineData(60_000, "1m")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(90_061_001, "1d1h1m1s1ms")]
    public void Formats(long milliseconds, string expected)
    {
        Assert.Equal(expected, Duration.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void Format_round_trips()
    {
        Gen.Long[0, 100L * 86_400_000].Sample(ms =>
        {
            var value = TimeSpan.FromMilliseconds(ms);
            Assert.True(Duration.TryParse(Duration.Format(value), out var back));
            Assert.Equal(value, back);
        });
    }
}
