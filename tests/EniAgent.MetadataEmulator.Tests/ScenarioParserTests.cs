using EniAgent.MetadataEmulator.Scenarios;

namespace EniAgent.MetadataEmulator.Tests;

public sealed class ScenarioParserTests
{
    [Fact]
    public void Parses_the_documented_format_with_comments_and_trailing_commas()
    {
        const string json = """
            {
              "instance": { "instance-id": "i-1", "instance/instance-name": "web", },
              "token-mode": "required",   // hardened-only
              "serve-all": false,
              "enis": [
                { "mac": "00:16:3e:00:00:01", "items": { "b": "2", "a": "1" }, "visible-after-ms": 1500, "items-lag-ms": 20 },
              ],
              "faults": { "latency-ms": 5, "crlf-listings": true, "json-array-spaces": true,
                          "status-burst": { "status": 429, "count": 3 }, "drop-connections": 2 }
            }
            """;

        var scenario = ScenarioParser.ParseScenario(json);

        Assert.Equal(TokenMode.Required, scenario.TokenMode);
        Assert.False(scenario.ServeAll);
        Assert.Equal(["instance-id", "instance/instance-name"], scenario.Instance.Select(kv => kv.Key));
        var eni = Assert.Single(scenario.Enis);
        Assert.Equal(["b", "a"], eni.Items.Select(kv => kv.Key));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), eni.VisibleAfter);
        Assert.Equal(TimeSpan.FromMilliseconds(20), eni.ItemsLag);
        Assert.Equal(
            new FaultSettings
            {
                Latency = TimeSpan.FromMilliseconds(5),
                CrlfListings = true,
                JsonArraySpaces = true,
                StatusBurst = new StatusBurst(429, 3),
                DropConnections = 2,
            },
            scenario.Faults);
    }

    [Fact]
    public void Defaults_apply_to_an_empty_document()
    {
        var scenario = ScenarioParser.ParseScenario("{}");

        Assert.Equal(TokenMode.Optional, scenario.TokenMode);
        Assert.True(scenario.ServeAll);
        Assert.Empty(scenario.Enis);
        Assert.Empty(scenario.Instance);
        Assert.Equal(FaultSettings.None, scenario.Faults);
    }

    [Theory]
    [InlineData("[]", "$ must be a JSON object")]
    [InlineData("{ \"instanse\": {} }", "unknown member \"instanse\"")]
    [InlineData("{ \"serve-all\": \"yes\" }", "$.serve-all must be true or false")]
    [InlineData("{ \"instance\": { \"zone-id\": 7 } }", "$.instance.zone-id must be a JSON string")]
    [InlineData("{ \"instance\": { \"a//b\": \"x\" } }", "$.instance.a//b")]
    [InlineData("{ \"enis\": {} }", "$.enis must be a JSON array")]
    [InlineData("{ \"enis\": [ { \"items\": {} } ] }", "$.enis[0].mac is required")]
    [InlineData("{ \"enis\": [ { \"mac\": \"a/b\" } ] }", "$.enis[0].mac must be non-empty")]
    [InlineData("{ \"enis\": [ { \"mac\": \"m\", \"items\": { \"x/y\": \"1\" } } ] }", "$.enis[0].items has an item name")]
    [InlineData("{ \"enis\": [ { \"mac\": \"m\", \"visible-after-ms\": 1.5 } ] }", "$.enis[0].visible-after-ms must be an integer")]
    [InlineData("{ \"enis\": [ { \"mac\": \"aa\" }, { \"mac\": \"AA\" } ] }", "lists the MAC AA twice")]
    [InlineData("{ \"enis\": [ { \"mac\": \"m\", \"mac\": \"n\" } ] }", "has the member \"mac\" twice")]
    [InlineData("{ \"faults\": { \"status-burst\": { \"status\": 600 } } }", "$.faults.status-burst.status must be an integer in 100..599")]
    [InlineData("{ \"faults\": { \"drop-connections\": -1 } }", "$.faults.drop-connections")]
    [InlineData("{ \"token-mode\": \"Required\" }", "$.token-mode must be \"optional\" or \"required\"")]
    [InlineData("{", "scenario is not valid JSON")]
    public void Errors_name_the_json_path(string json, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioParser.ParseScenario(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eni_and_faults_documents_parse_alone()
    {
        Assert.Equal("m", ScenarioParser.ParseEni("{ \"mac\": \"m\" }").Mac);
        Assert.Equal(7, ScenarioParser.ParseFaults("{ \"drop-connections\": 7 }").DropConnections);
        Assert.Throws<ScenarioException>(() => ScenarioParser.ParseFaults("{ \"drop\": 7 }"));
    }
}
