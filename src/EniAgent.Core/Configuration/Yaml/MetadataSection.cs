namespace EniAgent.Core.Configuration.Yaml;

/// <summary><c>metadata:</c></summary>
internal sealed class MetadataSection
{
    public YamlScalar? Url { get; set; }

    public YamlScalar? AttemptTimeout { get; set; }

    public YamlScalar? TotalTimeout { get; set; }

    public YamlScalar? MaxRetries { get; set; }

    public YamlScalar? TokenTtl { get; set; }
}
