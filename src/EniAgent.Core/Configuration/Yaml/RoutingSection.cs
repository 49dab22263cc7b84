namespace EniAgent.Core.Configuration.Yaml;

/// <summary><c>routing:</c></summary>
internal sealed class RoutingSection
{
    public YamlScalar? TableBase { get; set; }

    public YamlScalar? PriorityBase { get; set; }

    public YamlScalar? MaxEnis { get; set; }

    public YamlScalar? Protocol { get; set; }
}
