using System.Net;
using CsCheck;
using EniAgent.Core.Metadata.Parsing;

namespace EniAgent.Core.Tests.Metadata;

public sealed class ListParserTests
{
    [Theory]
    [InlineData("[\"192.168.1.20\",\"192.168.1.21\"]")]
    [InlineData("[\"192.168.1.20\", \"192.168.1.21\"]")]
    [InlineData("[\"192.168.1.20\",\r\n  \"192.168.1.21\"\r\n]\n")]
    [InlineData("[192.168.1.20,192.168.1.21]")]
    [InlineData("[ 192.168.1.20 , 192.168.1.21 ]")]
    public void Bracketed_lists_in_every_tolerated_spelling(string text)
    {
        Assert.True(ListParser.TrySplit(text, allowBare: false, out var elements, out _));
        Assert.Equal(["192.168.1.20", "192.168.1.21"], elements);
    }

    [Theory]
    [InlineData("192.168.1.32/28", new[] { "192.168.1.32/28" })]
    [InlineData("192.168.1.32/28,192.168.1.48/28", new[] { "192.168.1.32/28", "192.168.1.48/28" })]
    [InlineData("192.168.1.32/28\n192.168.1.48/28\n", new[] { "192.168.1.32/28", "192.168.1.48/28" })]
    [InlineData("192.168.1.32/28,\r\n192.168.1.48/28", new[] { "192.168.1.32/28", "192.168.1.48/28" })]
    [InlineData("[\"192.168.1.32/28\"]", new[] { "192.168.1.32/28" })]
    [InlineData("", new string[0])]
    [InlineData("[]", new string[0])]
    public void Bare_lists_where_allowed(string text, string[] expected)
    {
        Assert.True(ListParser.TrySplit(text, allowBare: true, out var elements, out _));
        Assert.Equal(expected, elements);
    }

    [Theory]
    [InlineData("192.168.1.20", false, "not a bracketed list")]
    [InlineData("[\"192.168.1.20\"", false, "list has no closing bracket")]
    [InlineData("[\"a\",,\"b\"]", false, "list has an empty element")]
    [InlineData("[\"a\",]", false, "list has an empty element")]
    [InlineData("[\"a\"\"b\"]", false, "list element has stray quotes, brackets or escapes")]
    [InlineData("[\"a\\u002e\"]", false, "list element has stray quotes, brackets or escapes")]
    [InlineData("[[\"a\"]]", false, "list element has stray quotes, brackets or escapes")]
    [InlineData("[\"a]", false, "list element has stray quotes, brackets or escapes")]
    public void Rejects_malformed_lists(string text, bool allowBare, string reason)
    {
        Assert.False(ListParser.TrySplit(text, allowBare, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void More_than_one_hundred_entries_is_refused()
    {
        var ok = "[" + string.Join(",", Enumerable.Range(0, 100).Select(i => $"\"10.0.0.{i}\"")) + "]";
        var tooMany = "[" + string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"10.0.0.{i}\"")) + "]";
        Assert.True(ListParser.TrySplit(ok, allowBare: false, out var elements, out _));
        Assert.Equal(100, elements.Count);
        Assert.False(ListParser.TrySplit(tooMany, allowBare: false, out _, out var error));
        Assert.Equal("list has more than 100 entries", error);
    }

    [Fact]
    public void An_element_that_does_not_parse_fails_the_list_and_is_named()
    {
        Assert.False(ListParser.TryParse<IPAddress>("[\"10.0.0.1\",\"10.0.0.01\"]", false, Ipv4Parser.TryParse, out _, out var error));
        Assert.Equal("element \"10.0.0.01\": an octet has a leading zero", error);
    }

    [Fact]
    public void Generated_lists_round_trip_in_every_spelling()
    {
        var ips = Gen.Byte.Array[4].Select(b => new IPAddress(b)).List[0, 20];
        var separators = Gen.OneOf(Gen.Const(","), Gen.Const(", "), Gen.Const(",\r\n"), Gen.Const(" ,\n "));
        Gen.Select(ips, separators, Gen.Bool).Sample((list, separator, quoted) =>
        {
            var text = "[" + string.Join(separator, list.Select(ip => quoted ? $"\"{ip}\"" : ip.ToString())) + "]\n";
            Assert.True(ListParser.TryParse<IPAddress>(text, false, Ipv4Parser.TryParse, out var parsed, out var error), error);
            Assert.Equal(list, parsed.Items);
        });
    }

    [Fact]
    public void Arbitrary_text_never_crashes_and_elements_are_clean()
    {
        Gen.OneOf(Gen.String, Gen.String["[]\",\r\n ab"]).Select(Gen.Bool).Sample((text, bare) =>
        {
            if (ListParser.TrySplit(text, bare, out var elements, out var error))
            {
                Assert.All(elements, e => Assert.False(e.Length == 0 || e.AsSpan().ContainsAny("\"[]\\,")));
                Assert.True(elements.Count <= ListParser.MaxEntries);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(error));
            }
        });
    }
}
