using YamlDotNet.Serialization;

namespace EniAgent.Core.Configuration.Yaml;

/// <summary>
/// YamlDotNet's source-generated static context: the only YamlDotNet mode that works under NativeAOT
/// (the reflection deserializer throws there). Public only because the generator emits a public partial.
/// </summary>
[YamlStaticContext]
[YamlSerializable(typeof(ConfigDocument))]
[YamlSerializable(typeof(MetadataSection))]
[YamlSerializable(typeof(RoutingSection))]
[YamlSerializable(typeof(PrimarySection))]
[YamlSerializable(typeof(PersistSection))]
[YamlSerializable(typeof(DaemonSection))]
[YamlSerializable(typeof(YamlScalar))]
[YamlSerializable(typeof(YamlScalarList))]
public sealed partial class ConfigYamlContext : StaticContext
{
}
