namespace EniAgent.Core.Configuration.Yaml;

/// <summary>A sequence of <see cref="YamlScalar"/> with the position of the sequence itself.</summary>
internal sealed class YamlScalarList
{
    public List<YamlScalar> Items { get; } = [];

    public int Line { get; set; }

    public int Column { get; set; }
}
