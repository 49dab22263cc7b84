using System.Text.Json;
using EniAgent.Cli.Status;
using EniAgent.Cli.Tests.Output;
using static EniAgent.Cli.Tests.Status.StatusFixture;

namespace EniAgent.Cli.Tests.Status;

public sealed class StatusJsonTests
{
    [Fact]
    public async Task Document_has_the_documented_members_and_one_entry_per_row()
    {
        var outcome = Converged(await DryRunAsync());
        var rows = StatusReport.Build(outcome);

        var text = StatusJson.Render(outcome.Metadata, rows, ["state: not valid JSON"]);
        using var json = JsonDocument.Parse(text);
        var doc = json.RootElement;

        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.Equal(["instance-id", "enis", "warnings", "renderer", "renderer-verdicts"], ReconcileJsonTests.Names(doc));
        Assert.Equal("i-cli000000000000000001", doc.GetProperty("instance-id").GetString());
        Assert.Equal(["state: not valid JSON"], doc.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!));
        var enis = doc.GetProperty("enis").EnumerateArray().ToList();
        Assert.Equal(rows.Count, enis.Count);
        Assert.All(enis, e => Assert.Equal(
            ["eni-id", "mac", "interface", "role", "state", "reason", "slot", "table", "desired-addresses", "actual-addresses", "rules", "pending-changes", "ipv6-skipped"],
            ReconcileJsonTests.Names(e)));
        Assert.Equal(
            ["invalid", "excluded", "configured", "pending", "excluded", "absent"],
            enis.Select(e => e.GetProperty("state").GetString()!));

        var configured = enis[2];
        Assert.Equal((0, 31000u), (configured.GetProperty("slot").GetInt32(), configured.GetProperty("table").GetUInt32()));
        Assert.Equal(["192.168.2.10/24", "192.168.2.11/24"], configured.GetProperty("actual-addresses").EnumerateArray().Select(a => a.GetString()!));
        Assert.Equal(4, configured.GetProperty("rules").GetArrayLength());

        var absent = enis[5];
        Assert.Equal(JsonValueKind.Null, absent.GetProperty("mac").ValueKind);
        Assert.Equal(JsonValueKind.Null, absent.GetProperty("table").ValueKind);
        Assert.Equal(9, absent.GetProperty("slot").GetInt32());
        Assert.Equal(["- rule 31260: from 192.168.9.10/32 lookup 31009"], absent.GetProperty("pending-changes").EnumerateArray().Select(a => a.GetString()!));

        Assert.Contains("\"reason\": \"excluded by configuration entry 'eth4'\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", text, StringComparison.Ordinal);
    }
}
