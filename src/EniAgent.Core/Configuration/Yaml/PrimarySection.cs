namespace EniAgent.Core.Configuration.Yaml;

/// <summary><c>primary:</c></summary>
internal sealed class PrimarySection
{
    public YamlScalar? ManageSecondaryIps { get; set; }
}
