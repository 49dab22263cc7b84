using EniAgent.Core.Configuration.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EniAgent.Core.Configuration;

/// <summary>
/// Pure: the text of eniagent.yaml → <see cref="AgentOptions"/>. An empty file (or one with only comments) gives
/// the defaults. Anything else that is not exactly right throws <see cref="ConfigurationException"/>, never
/// another exception type: unknown keys, wrong shapes and bad values are errors, not warnings, because a
/// typo silently falling back to a default would change routing on a production host.
/// </summary>
public static class AgentOptionsParser
{
    private static readonly ConfigYamlContext Context = new();

    private static readonly IDeserializer Deserializer = new StaticDeserializerBuilder(Context)
        .WithNamingConvention(HyphenatedNamingConvention.Instance)
        .WithTypeConverter(new YamlScalarConverter())
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>Which DTO describes the mapping at a key path, to list the keys allowed there.</summary>
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.Ordinal)
    {
        [string.Empty] = typeof(ConfigDocument),
        ["metadata"] = typeof(MetadataSection),
        ["routing"] = typeof(RoutingSection),
        ["primary"] = typeof(PrimarySection),
        ["persist"] = typeof(PersistSection),
        ["daemon"] = typeof(DaemonSection),
    };

    public static AgentOptions Parse(string yamlText, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(fileName);

        var index = YamlNodeIndex.Build(yamlText, fileName);
        if (index.IsEmpty)
        {
            return new AgentOptions();
        }

        ConfigDocument? doc;
        try
        {
            doc = Deserializer.Deserialize<ConfigDocument>(yamlText);
        }
        catch (ConfigShapeException ex)
        {
            throw index.Error(ex.Start, index.TryFind(ex.Start, out var node) ? node.Path : null, null, ex.Reason);
        }
        catch (YamlException ex)
        {
            throw Translate(index, ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidCastException or ArgumentException or FormatException)
        {
            // Not expected after the first pass accepted the text; still never anything but ConfigurationException.
            throw new ConfigurationException(fileName, null, null, null, null, "cannot be read: " + ex.Message, ex);
        }

        return doc is null ? new AgentOptions() : ConfigDocumentReader.Read(doc, fileName);
    }

    /// <summary>The keys a section accepts, in declaration order, as written in the file.</summary>
    internal static IReadOnlyList<string> KeysOf(string sectionPath) =>
        Sections.TryGetValue(sectionPath, out var type)
            ? Context.GetTypeInspector().GetProperties(type, null).Select(p => HyphenatedNamingConvention.Instance.Apply(p.Name)).ToList()
            : [];

    private static ConfigurationException Translate(YamlNodeIndex index, YamlException ex)
    {
        // After the first pass, YamlDotNet only fails on keys our DTOs lack and on a section that is not a
        // mapping; leaves and lists are read by YamlScalarConverter, which throws ConfigShapeException.
        var inner = ex.InnerException as ConfigShapeException;
        if (inner is not null)
        {
            return index.Error(inner.Start, index.TryFind(inner.Start, out var n) ? n.Path : null, null, inner.Reason);
        }

        if (!index.TryFind(ex.Start, out var node))
        {
            return index.Error(ex.Start, null, null, ex.Message);
        }

        if (node.IsKey)
        {
            var dot = node.Path.LastIndexOf('.');
            var section = dot < 0 ? string.Empty : node.Path[..dot];
            var keys = KeysOf(section);
            if (keys.Contains(node.Path[(dot + 1)..]) && index.TryFindValue(node.Path, out var value))
            {
                // A known key: YamlDotNet places the error on the key, but its value is what has the wrong shape.
                return index.Error(value.Start, node.Path, null, $"expects a mapping of keys, not {value.Description}");
            }

            var where = section.Length == 0 ? "at the top level" : $"in '{section}'";
            return index.Error(ex.Start, node.Path, null, $"unknown key; the keys allowed {where} are: {string.Join(", ", keys)}");
        }

        return index.Error(ex.Start, node.Path, null, $"expects a mapping of keys, not {node.Description}");
    }
}
