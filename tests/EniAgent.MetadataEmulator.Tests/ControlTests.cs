using System.Net;
using System.Text;
using EniAgent.MetadataEmulator.Tests.Support;
using EniAgent.TestKit.Emulator;
using static EniAgent.MetadataEmulator.Tests.Support.TestScenarios;

namespace EniAgent.MetadataEmulator.Tests;

/// <summary>The /_emulator/ control API: attach, detach, assign, unassign, scenario, stats.</summary>
public sealed class ControlTests : IAsyncLifetime
{
    private const string NewMac = "00:16:3e:00:00:09";
    private InProcessEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await InProcessEmulator.StartAsync(Basic());

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Attach_adds_the_eni_and_detach_removes_it()
    {
        var eni = new EniBuilder(ScenarioBuilder.Mac(9), IPAddress.Parse("10.0.9.5"), IPNetwork.Parse("10.0.9.0/24"));

        await _emulator.Control.AttachAsync(eni.ToJson());
        Assert.Equal($"{PrimaryMac}/\n{SecondaryMac}/\n{NewMac}/", await _emulator.GetStringAsync(MacsPath));
        Assert.Equal("10.0.9.253", await _emulator.GetStringAsync(EniPath(NewMac, "gateway")));

        await _emulator.Control.DetachAsync(NewMac);
        Assert.Equal($"{PrimaryMac}/\n{SecondaryMac}/", await _emulator.GetStringAsync(MacsPath));
        Assert.Equal(HttpStatusCode.NotFound, (await _emulator.GetAsync(EniPath(NewMac, "gateway"))).Status);
    }

    [Fact]
    public async Task Attaching_an_attached_mac_is_a_conflict_and_detaching_an_unknown_one_is_404()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _emulator.Control.AttachAsync($$"""{ "mac": "{{SecondaryMac}}" }"""));
        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);

        error = await Assert.ThrowsAsync<HttpRequestException>(() => _emulator.Control.DetachAsync(NewMac));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Assign_and_unassign_rewrite_private_ipv4s_as_a_json_array_of_quoted_strings()
    {
        await _emulator.Control.AssignIpAsync(SecondaryMac, "192.168.2.12");
        Assert.Equal("[\"192.168.2.10\",\"192.168.2.11\",\"192.168.2.12\"]", await _emulator.GetStringAsync(EniPath(SecondaryMac, "private-ipv4s")));

        await _emulator.Control.AssignIpAsync(SecondaryMac, "192.168.2.12");
        await _emulator.Control.UnassignIpAsync(SecondaryMac, "192.168.2.11");
        Assert.Equal("[\"192.168.2.10\",\"192.168.2.12\"]", await _emulator.GetStringAsync(EniPath(SecondaryMac, "private-ipv4s")));
    }

    [Fact]
    public async Task Assign_seeds_an_absent_list_with_the_primary_ip()
    {
        var eni = new EniBuilder(ScenarioBuilder.Mac(9), IPAddress.Parse("10.0.9.5"), IPNetwork.Parse("10.0.9.0/24")).WithoutItem("private-ipv4s");
        await _emulator.Control.AttachAsync(eni.ToJson());

        await _emulator.Control.AssignIpAsync(NewMac, "10.0.9.6");

        Assert.Equal("[\"10.0.9.5\",\"10.0.9.6\"]", await _emulator.GetStringAsync(EniPath(NewMac, "private-ipv4s")));
    }

    [Theory]
    [InlineData(true, "00:16:3e:00:00:77", "192.168.2.30", HttpStatusCode.NotFound)]
    [InlineData(false, SecondaryMac, "192.168.2.99", HttpStatusCode.NotFound)]
    [InlineData(true, SecondaryMac, "not-an-ip", HttpStatusCode.BadRequest)]
    [InlineData(true, SecondaryMac, "2408::1", HttpStatusCode.BadRequest)]
    public async Task Bad_ip_changes_are_refused(bool assign, string mac, string ip, HttpStatusCode expected)
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(
            () => assign ? _emulator.Control.AssignIpAsync(mac, ip) : _emulator.Control.UnassignIpAsync(mac, ip));
        Assert.Equal(expected, error.StatusCode);
    }

    [Fact]
    public async Task Assign_on_a_hostile_private_ipv4s_is_a_conflict_and_leaves_it_alone()
    {
        var eni = new EniBuilder(ScenarioBuilder.Mac(9), IPAddress.Parse("10.0.9.5"), IPNetwork.Parse("10.0.9.0/24")).WithItem("private-ipv4s", "10.0.9.5");
        await _emulator.Control.AttachAsync(eni.ToJson());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _emulator.Control.AssignIpAsync(NewMac, "10.0.9.6"));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("10.0.9.5", await _emulator.GetStringAsync(EniPath(NewMac, "private-ipv4s")));
    }

    [Fact]
    public async Task Replace_scenario_swaps_the_whole_tree()
    {
        await _emulator.Control.ReplaceScenarioAsync(ScenarioBuilder.Typical(0).WithInstance("i-replaced", "cn-beijing", "cn-beijing-h", "ecs.c7.xlarge").Build());

        Assert.Equal("i-replaced", await _emulator.GetStringAsync("/latest/meta-data/instance-id"));
        Assert.Equal($"{PrimaryMac}/", await _emulator.GetStringAsync(MacsPath));
    }

    [Theory]
    [InlineData("_emulator/scenario", "{ not json")]
    [InlineData("_emulator/scenario", "{ \"enis\": [ { \"mac\": \"00:16:3e:00:00:01\", \"items\": { \"gateway\": 5 } } ] }")]
    [InlineData("_emulator/scenario", "{ \"token-mode\": \"sometimes\" }")]
    [InlineData("_emulator/scenario", "{ \"typo\": 1 }")]
    [InlineData("_emulator/faults", "{ \"latency-ms\": -1 }")]
    [InlineData("_emulator/faults", "{ \"status-burst\": { \"status\": 99, \"count\": 1 } }")]
    public async Task Invalid_documents_are_refused_with_400_and_a_reason(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _emulator.Client.PutAsync(path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync()));
        Assert.Equal("i-emulator000000000001", await _emulator.GetStringAsync("/latest/meta-data/instance-id"));
    }

    [Fact]
    public async Task Stats_count_metadata_requests_by_method_and_path_and_reset()
    {
        await _emulator.GetAsync("/latest/meta-data/instance-id");
        await _emulator.GetAsync("/latest/meta-data/instance-id");
        await _emulator.GetAsync("/latest/meta-data/nothing");
        await MetadataResponse.SendAsync(_emulator.Client, HttpMethod.Put, "/latest/api/token", ttl: "60");

        var stats = await _emulator.Control.GetStatsAsync();
        Assert.Equal(4, stats.Requests);
        Assert.Equal(2, stats.Count("/latest/meta-data/instance-id"));
        Assert.Equal(1, stats.Count("/latest/meta-data/nothing"));
        Assert.Equal(1, stats.Count("/latest/api/token", "PUT"));
        Assert.Equal(1, stats.TokensIssued);

        await _emulator.Control.ResetStatsAsync();
        stats = await _emulator.Control.GetStatsAsync();
        Assert.Equal(0, stats.Requests);
        Assert.Empty(stats.ByPath);
        Assert.Equal(0, stats.TokensIssued);
    }

    [Fact]
    public async Task Stats_json_has_the_documented_shape()
    {
        await _emulator.GetAsync("/latest/meta-data/");
        var body = await _emulator.Client.GetStringAsync("_emulator/stats");
        Assert.Equal("{\"requests\":1,\"by-path\":{\"GET /latest/meta-data/\":1},\"tokens-issued\":0}", body);
    }

    [Fact]
    public async Task Unknown_control_paths_are_404_and_wrong_methods_405()
    {
        using var unknown = await _emulator.Client.GetAsync("_emulator/nothing");
        using var wrongMethod = await _emulator.Client.GetAsync("_emulator/scenario");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
    }
}
