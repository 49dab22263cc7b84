using CsCheck;
using EniAgent.Core.Metadata.Parsing;

namespace EniAgent.Core.Tests.Metadata;

/// <summary>The contract every strict parser keeps on any input: no exception; a value that passes <c>check</c>, or a reason.</summary>
internal static class ParserProperty
{
    public static void Holds<T>(Gen<string> texts, TextParser<T> parser, Action<string, T> check) =>
        texts.Sample(text =>
        {
            if (parser(text, out var value, out var error))
            {
                check(text, value);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(error));
            }
        });
}
