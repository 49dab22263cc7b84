using System.Text;
using System.Text.Json.Nodes;
using EniAgent.Core.Metadata;
using EniAgent.TestKit.Emulator;

namespace EniAgent.Cli.Tests.Output;

/// <summary>
/// The <c>meta-data/all</c> document the emulator would serve for a <see cref="ScenarioBuilder"/> scenario: what
/// <c>render --metadata-file</c> reads, and the source of the snapshots the unit tests feed the agent.
/// </summary>
internal static class AllDocument
{
    public static string From(ScenarioBuilder scenario)
    {
        var source = JsonNode.Parse(scenario.Build())!.AsObject();
        var document = new JsonObject();
        foreach (var (name, value) in source["instance"]!.AsObject())
        {
            Place(document, name == "instance-type" ? "instance/instance-type" : name, value!.GetValue<string>());
        }

        var macs = new JsonObject();
        foreach (var eni in source["enis"]!.AsArray())
        {
            macs[eni!["mac"]!.GetValue<string>()] = eni["items"]!.DeepClone();
        }

        document["network"] = new JsonObject { ["interfaces"] = new JsonObject { ["macs"] = macs } };
        return document.ToJsonString();
    }

    /// <summary>The snapshot the agent builds from the scenario (validation included: hostile ENIs end up invalid).</summary>
    public static MetadataSnapshot Snapshot(ScenarioBuilder scenario) =>
        MetadataSnapshotBuilder.Build(MetadataAllDocument.Parse(Encoding.UTF8.GetBytes(From(scenario))));

    private static void Place(JsonObject root, string path, string value)
    {
        var parts = path.Split('/');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = (node[part] ??= new JsonObject()).AsObject();
        }

        node[parts[^1]] = value;
    }
}
