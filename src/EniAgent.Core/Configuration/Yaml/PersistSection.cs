namespace EniAgent.Core.Configuration.Yaml;

/// <summary><c>persist:</c></summary>
internal sealed class PersistSection
{
    public YamlScalar? Enabled { get; set; }

    public YamlScalar? Renderer { get; set; }

    public YamlScalar? Addressing { get; set; }
}
