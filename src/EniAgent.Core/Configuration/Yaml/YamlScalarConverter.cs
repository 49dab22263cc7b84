using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace EniAgent.Core.Configuration.Yaml;

/// <summary>
/// Reads leaves as <see cref="YamlScalar"/> and lists as <see cref="YamlScalarList"/>, recording positions.
/// A type converter is used (rather than a typed DTO property) so that a mapping or list where a single value
/// belongs is reported in our words with the place it was written.
/// </summary>
internal sealed class YamlScalarConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(YamlScalar) || type == typeof(YamlScalarList);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        return type == typeof(YamlScalarList) ? ReadList(parser) : ReadScalar(parser, "a single value");
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        throw new NotSupportedException("eniagent never writes its configuration file");

    private static YamlScalar ReadScalar(IParser parser, string expected)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new YamlScalar
            {
                Text = scalar.Value,
                IsNull = scalar.Style == ScalarStyle.Plain && YamlNodeIndex.IsNullText(scalar.Value),
                Line = (int)scalar.Start.Line,
                Column = (int)scalar.Start.Column,
            };
        }

        var current = parser.Current ?? throw new ConfigShapeException(Mark.Empty, Mark.Empty, "unexpected end of document");
        throw new ConfigShapeException(current.Start, current.End, $"expects {expected}, not {YamlNodeIndex.Describe(current)}");
    }

    private static YamlScalarList ReadList(IParser parser)
    {
        var current = parser.Current ?? throw new ConfigShapeException(Mark.Empty, Mark.Empty, "unexpected end of document");
        var list = new YamlScalarList { Line = (int)current.Start.Line, Column = (int)current.Start.Column };
        if (current is Scalar s && s.Style == ScalarStyle.Plain && YamlNodeIndex.IsNullText(s.Value))
        {
            parser.MoveNext();
            return list;
        }

        if (!parser.TryConsume<SequenceStart>(out _))
        {
            throw new ConfigShapeException(current.Start, current.End, $"expects a list, not {YamlNodeIndex.Describe(current)}");
        }

        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            list.Items.Add(ReadScalar(parser, "a list of single values"));
        }

        return list;
    }
}
