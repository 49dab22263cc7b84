using System.Text.Json;
using EniAgent.Cli.Tests.Output;
using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Commands;

/// <summary><c>eniagent status</c> in a namespace: eth1 attached, Mac(3) listed without a link, eth3 excluded.</summary>
public sealed class StatusCommandTests
{
    private const string Eth1 = "eni-emu00163e000002";
    private const string NoLink = "eni-emu00163e000003";
    private const string Eth3 = "eni-emu00163e000004";

    [RootFact]
    public async Task Status_follows_reconcile_and_clean()
    {
        await using var instance = await Instance.StartAsync(Outcomes.Scenario(secondaries: 3).Build(), ("eth1", ScenarioBuilder.Mac(2)), ("eth3", ScenarioBuilder.Mac(4)));
        instance.Root.Write("/etc/eniagent/eniagent.yaml", "exclude: [eth3]\n");
        var url = instance.MetadataUrl;

        var before = Enis(await StatusAsync(instance));
        Assert.Equal("drifted", before[Eth1].GetProperty("state").GetString());
        Assert.Contains("~ link eth1 up", before[Eth1].GetProperty("pending-changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0, before[Eth1].GetProperty("actual-addresses").GetArrayLength());

        var reconcile = await instance.RunAsync("reconcile", "--metadata-url", url);
        Assert.True(reconcile.ExitCode == 0, reconcile.ToString());

        var after = Enis(await StatusAsync(instance));
        var eth1 = after[Eth1];
        Assert.Equal(("configured", "kernel matches the desired state"), (eth1.GetProperty("state").GetString(), eth1.GetProperty("reason").GetString()));
        Assert.Equal(("eth1", "secondary", 0, 31000u), (eth1.GetProperty("interface").GetString(), eth1.GetProperty("role").GetString(), eth1.GetProperty("slot").GetInt32(), eth1.GetProperty("table").GetUInt32()));
        Assert.Equal(["192.168.2.10/24", "192.168.2.11/24"], Strings(eth1, "desired-addresses"));
        Assert.Equal(Strings(eth1, "desired-addresses"), Strings(eth1, "actual-addresses").Order(StringComparer.Ordinal));
        Assert.Contains("31251: from 192.168.2.10/32 lookup 31000", Strings(eth1, "rules"));
        Assert.Empty(Strings(eth1, "pending-changes"));

        Assert.Equal(("pending", "listed in metadata, link not present yet"), (after[NoLink].GetProperty("state").GetString(), after[NoLink].GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.Null, after[NoLink].GetProperty("interface").ValueKind);
        Assert.Equal(("excluded", "excluded by configuration entry 'eth3'"), (after[Eth3].GetProperty("state").GetString(), after[Eth3].GetProperty("reason").GetString()));
        Assert.Equal("excluded", after["eni-emu00163e000001"].GetProperty("state").GetString());
        Assert.DoesNotContain("inet ", instance.Netns.Ip("-4", "addr", "show", "dev", "eth3"), StringComparison.Ordinal);

        var text = await instance.RunAsync("status", "--metadata-url", url);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.StartsWith("instance i-cli000000000000000001, 4 ENI(s)\n", text.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"\n{Eth1}  00:16:3e:00:00:02  eth1  secondary  CONFIGURED\n", text.StandardOutput, StringComparison.Ordinal);

        var clean = await instance.RunAsync("clean");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Contains("- address 192.168.2.10/24 dev eth1\n", clean.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("proto", instance.Netns.Ip("rule").Replace("proto kernel", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(instance.Root.Exists("/var/lib/eniagent/state.json"));
        Assert.Equal("drifted", Enis(await StatusAsync(instance))[Eth1].GetProperty("state").GetString());
    }

    private static async Task<JsonElement> StatusAsync(Instance instance)
    {
        var result = await instance.RunAsync("status", "--json", "--metadata-url", instance.MetadataUrl);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal(["instance-id", "enis", "warnings", "renderer", "renderer-verdicts"], ReconcileJsonTests.Names(json.RootElement));
        return json.RootElement.Clone();
    }

    private static Dictionary<string, JsonElement> Enis(JsonElement status) =>
        status.GetProperty("enis").EnumerateArray().ToDictionary(e => e.GetProperty("eni-id").GetString()!);

    private static List<string> Strings(JsonElement element, string name) => [.. element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
