using System.Text.Json;
using EniAgent.Cli.Tests.Output;
using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Commands;

/// <summary><c>eniagent metadata</c> against the emulator, in a namespace of its own.</summary>
public sealed class MetadataCommandTests
{
    private static ScenarioBuilder Scenario() =>
        Outcomes.Scenario(secondaries: 2)
            .ConfigureEni(ScenarioBuilder.Mac(3), e => e.WithItem("gateway", "192.168.3.253\n$(reboot)"))
            .WithTokenMode(ScenarioTokenMode.Required);

    [RootFact]
    public async Task Shows_a_table_of_valid_enis_and_the_invalid_ones_with_their_reason()
    {
        await using var instance = await Instance.StartAsync(Scenario().Build());

        var result = await instance.RunAsync("metadata", "--metadata-url", instance.MetadataUrl);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StandardOutput.Split('\n');
        Assert.Equal("instance i-cli000000000000000001 (ecs.g7.large, cn-hangzhou, cn-hangzhou-k), primary MAC 00:16:3e:00:00:01", lines[0]);
        Assert.Matches(@"^ +MAC +ENI +PRIMARY IP +SUBNET +GATEWAY +SECONDARY IPV4 +IPV6 +PREFIXES$", lines[2]);
        Assert.Matches(@"^\* +00:16:3e:00:00:01 +eni-emu00163e000001 +192\.168\.1\.10 +192\.168\.1\.0/24 +192\.168\.1\.253 +- +- +-$", lines[3]);
        Assert.Matches(@"^ +00:16:3e:00:00:02 +eni-emu00163e000002 +192\.168\.2\.10 +192\.168\.2\.0/24 +192\.168\.2\.253 +192\.168\.2\.11 +- +-$", lines[4]);
        Assert.Equal("(* = primary ENI; 2 valid ENIs)", lines[5]);
        Assert.Equal(
            "\ninvalid ENIs (not configured):\n  00:16:3e:00:00:03  eni-emu00163e000003  gateway = \"192.168.3.253\\n$(reboot)\": contains a line break\n",
            string.Join('\n', lines[6..]));
        Assert.Equal(string.Empty, result.StandardError);
    }

    [RootFact]
    public async Task Json_carries_the_same_enis_and_ends_with_a_newline()
    {
        await using var instance = await Instance.StartAsync(Scenario().Build());

        var result = await instance.RunAsync("metadata", "--json", "--metadata-url", instance.MetadataUrl);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith("}\n", result.StandardOutput, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var doc = json.RootElement;
        Assert.Equal(
            ["instance-id", "region-id", "zone-id", "instance-type", "primary-mac", "enis", "invalid-enis"],
            ReconcileJsonTests.Names(doc));
        Assert.Equal("00:16:3e:00:00:01", doc.GetProperty("primary-mac").GetString());
        Assert.Equal(
            [("00:16:3e:00:00:01", true), ("00:16:3e:00:00:02", false)],
            doc.GetProperty("enis").EnumerateArray().Select(e => (e.GetProperty("mac").GetString()!, e.GetProperty("primary").GetBoolean())));
        Assert.Equal(["192.168.2.10", "192.168.2.11"], doc.GetProperty("enis")[1].GetProperty("private-ipv4s").EnumerateArray().Select(a => a.GetString()!));
        var invalid = Assert.Single(doc.GetProperty("invalid-enis").EnumerateArray());
        Assert.Equal(
            ("00:16:3e:00:00:03", "eni-emu00163e000003", "gateway", "192.168.3.253\\n$(reboot)", "contains a line break"),
            (invalid.GetProperty("mac").GetString(), invalid.GetProperty("eni-id").GetString(), invalid.GetProperty("item").GetString(),
             invalid.GetProperty("value").GetString(), invalid.GetProperty("reason").GetString()));
    }

    [RootFact]
    public async Task A_service_that_keeps_failing_exits_69()
    {
        await using var instance = await Instance.StartAsync(Scenario().WithFaults(f => f.WithStatusBurst(503, 100)).Build());
        instance.Root.Write("/etc/eniagent/eniagent.yaml", "metadata:\n  max-retries: 1\n");

        var result = await instance.RunAsync("metadata", "--metadata-url", instance.MetadataUrl);

        Assert.True(result.ExitCode == 69, result.ToString());
        Assert.StartsWith("eniagent: metadata service unavailable, nothing changed: ", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("503", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    [RootTheory]
    [InlineData("metadata")]
    [InlineData("status")]
    [InlineData("reconcile")]
    [InlineData("reconcile", "--dry-run")]
    public async Task A_dead_endpoint_exits_69_and_changes_nothing(params string[] command)
    {
        await using var instance = await Instance.StartAsync(null, ("eth1", ScenarioBuilder.Mac(2)));
        instance.Root.Write("/etc/eniagent/eniagent.yaml", "metadata:\n  max-retries: 0\n");
        var before = instance.Netns.Ip("-d", "addr");

        var result = await instance.RunAsync([.. command, "--metadata-url", "http://127.0.0.1:1/"]);

        Assert.True(result.ExitCode == 69, result.ToString());
        Assert.Equal(
            "eniagent: metadata service unavailable, nothing changed: metadata /latest/api/token: Connection refused (127.0.0.1:1) after 1 attempt\n",
            result.StandardError);
        Assert.Equal(before, instance.Netns.Ip("-d", "addr"));
        Assert.Equal(["/etc/eniagent/eniagent.yaml"], instance.Root.Files().Keys.Where(p => !p.StartsWith("/run/", StringComparison.Ordinal)));
    }
}
