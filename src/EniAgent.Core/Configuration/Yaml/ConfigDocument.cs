namespace EniAgent.Core.Configuration.Yaml;

/// <summary>
/// The file's shape as YamlDotNet sees it (keys kebab-cased by the naming convention). Every leaf is a
/// <see cref="YamlScalar"/>; absent keys stay null and take their defaults in <see cref="ConfigDocumentReader"/>.
/// </summary>
internal sealed class ConfigDocument
{
    public MetadataSection? Metadata { get; set; }

    public RoutingSection? Routing { get; set; }

    public YamlScalarList? Exclude { get; set; }

    public PrimarySection? Primary { get; set; }

    public YamlScalar? Ipv6 { get; set; }

    public PersistSection? Persist { get; set; }

    public DaemonSection? Daemon { get; set; }

    public YamlScalar? LogLevel { get; set; }
}
