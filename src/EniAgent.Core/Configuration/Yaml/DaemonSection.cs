namespace EniAgent.Core.Configuration.Yaml;

/// <summary><c>daemon:</c></summary>
internal sealed class DaemonSection
{
    public YamlScalar? PollInterval { get; set; }

    public YamlScalar? ResyncInterval { get; set; }

    public YamlScalar? HotplugDeadline { get; set; }

    public YamlScalar? AllowInContainer { get; set; }
}
