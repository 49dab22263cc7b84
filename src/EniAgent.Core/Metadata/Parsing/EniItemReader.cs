using System.Diagnostics.CodeAnalysis;

namespace EniAgent.Core.Metadata.Parsing;

/// <summary>Reads one ENI's raw items through the hygiene checks and a strict parser; any problem throws <see cref="EniItemException"/>.</summary>
internal sealed class EniItemReader(RawEni raw)
{
    /// <summary>False when the item is absent; throws when it is present but invalid.</summary>
    public bool TryGet<T>(string item, TextParser<T> parser, [NotNullWhen(true)] out T? value) =>
        TryRead(item, list: false, parser, out value);

    /// <summary>A list item (<see cref="ListParser"/>); empty when absent.</summary>
    public ValueList<T> List<T>(string item, bool allowBare, TextParser<T> parseElement) =>
        TryRead(
            item,
            list: true,
            (string text, [NotNullWhen(true)] out ValueList<T> parsed, [NotNullWhen(false)] out string? error) =>
                ListParser.TryParse(text, allowBare, parseElement, out parsed, out error),
            out var values)
            ? values
            : ValueList<T>.Empty;

    public T Required<T>(string item, TextParser<T> parser) =>
        TryGet(item, parser, out var value) ? value : throw new EniItemException(item, null, "required item is missing");

    public bool Has(string item) => raw[item] is not null;

    public EniItemException Invalid(string item, string reason) => new(item, raw[item], reason);

    private bool TryRead<T>(string item, bool list, TextParser<T> parser, [NotNullWhen(true)] out T? value)
    {
        value = default;
        if (raw[item] is not { } rawValue)
        {
            return false;
        }

        var text = MetadataText.TrimTerminators(rawValue);
        if (!MetadataText.TryCheck(text, list, out var error))
        {
            throw Invalid(item, error);
        }

        if (!parser(text, out value, out error))
        {
            throw Invalid(item, error);
        }

        return true;
    }
}
