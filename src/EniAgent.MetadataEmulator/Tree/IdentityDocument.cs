using System.Text;
using System.Text.Json;

namespace EniAgent.MetadataEmulator.Tree;

/// <summary>Builds <c>dynamic/instance-identity/document</c>: compact JSON in the real service's member order.</summary>
internal static class IdentityDocument
{
    // Stand-ins for members a scenario need not spell out; a scenario's instance items override them.
    private static readonly KeyValuePair<string, string>[] Defaults =
    [
        new("zone-id", "cn-hangzhou-k"),
        new("serial-number", "4acd2b47-b328-4762-852f-998ea1ab0000"),
        new("instance-id", "i-emulator000000000000"),
        new("region-id", "cn-hangzhou"),
        new("private-ipv4", "192.168.1.10"),
        new("owner-account-id", "1234567890123456"),
        new("mac", "00:16:3e:00:00:01"),
        new("image-id", "aliyun_3_x64_20G_alibase_20240819.vhd"),
        new("instance-type", "ecs.g7.large"),
    ];

    public static string Build(IReadOnlyList<KeyValuePair<string, string>> instance)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (name, fallback) in Defaults)
            {
                writer.WriteString(name, Find(instance, name) ?? (name == "instance-type" ? Find(instance, "instance/instance-type") : null) ?? fallback);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string? Find(IReadOnlyList<KeyValuePair<string, string>> instance, string name) =>
        instance.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.Ordinal)).Value;
}
