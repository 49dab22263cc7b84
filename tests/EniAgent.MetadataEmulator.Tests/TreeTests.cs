using System.Net;
using System.Text.Json;
using EniAgent.MetadataEmulator.Tests.Support;
using EniAgent.TestKit.Emulator;
using static EniAgent.MetadataEmulator.Tests.Support.TestScenarios;

namespace EniAgent.MetadataEmulator.Tests;

/// <summary>The served tree: listings, leaves, versions, /all and the identity document.</summary>
public sealed class TreeTests : IAsyncLifetime
{
    private InProcessEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await InProcessEmulator.StartAsync(Basic());

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Meta_data_listing_has_one_child_per_line_and_directories_end_with_slash()
    {
        var body = await _emulator.GetStringAsync("/latest/meta-data/");

        var lines = body.Split('\n');
        Assert.Contains("instance-id", lines);
        Assert.Contains("mac", lines);
        Assert.Contains("instance/", lines);
        Assert.Contains("network/", lines);
        Assert.DoesNotContain('\r', body);
        Assert.False(body.EndsWith('\n'), "no trailing newline unless the fault asks for one");
    }

    [Fact]
    public async Task Macs_listing_and_eni_listing_end_directories_with_slash()
    {
        Assert.Equal("interfaces/", await _emulator.GetStringAsync("/latest/meta-data/network/"));
        Assert.Equal("macs/", await _emulator.GetStringAsync("/latest/meta-data/network/interfaces/"));
        Assert.Equal($"{PrimaryMac}/\n{SecondaryMac}/", await _emulator.GetStringAsync(MacsPath));

        var items = (await _emulator.GetStringAsync(EniPath(SecondaryMac))).Split('\n');
        Assert.Equal(
            ["network-interface-id", "primary-ip-address", "private-ipv4s", "netmask", "gateway", "vswitch-cidr-block",
             "vswitch-id", "vpc-id", "vpc-cidr-block", "ipv6s", "ipv6-gateway", "vswitch-ipv6-cidr-block",
             "vpc-ipv6-cidr-blocks", "ipv4-prefixes"],
            items);
    }

    [Fact]
    public async Task Items_are_served_verbatim()
    {
        Assert.Equal("[\"192.168.2.10\",\"192.168.2.11\"]", await _emulator.GetStringAsync(EniPath(SecondaryMac, "private-ipv4s")));
        Assert.Equal("192.168.2.253", await _emulator.GetStringAsync(EniPath(SecondaryMac, "gateway")));
        Assert.Equal("255.255.255.0", await _emulator.GetStringAsync(EniPath(SecondaryMac, "netmask")));
        Assert.Equal("[2408:4005:325:a204::e4e]", await _emulator.GetStringAsync(EniPath(SecondaryMac, "ipv6s")));
        Assert.Equal("2408:4005:325:a204:ffff:ffff:ffff:fff7", await _emulator.GetStringAsync(EniPath(SecondaryMac, "ipv6-gateway")));
        Assert.Equal("[2408:4005:325:a200::/56]", await _emulator.GetStringAsync(EniPath(SecondaryMac, "vpc-ipv6-cidr-blocks")));
        Assert.Equal(PrimaryMac, await _emulator.GetStringAsync("/latest/meta-data/mac"));
        Assert.Equal("ecs.g7.large", await _emulator.GetStringAsync("/latest/meta-data/instance/instance-type"));
        Assert.Equal("ecs.g7.large", await _emulator.GetStringAsync("/latest/meta-data/instance-type"));
    }

    [Fact]
    public async Task Hostile_values_are_served_byte_for_byte()
    {
        const string hostile = "255.255.255.0\n$(reboot)\r\n\"; rm -rf / #\u00e9\u0000";
        var scenario = ScenarioBuilder.Typical(1)
            .ConfigureEni(ScenarioBuilder.Mac(2), eni => eni.WithItem("netmask", hostile).WithItem("extra-item", "x"))
            .WithInstanceItem("region-id", "  cn-hangzhou  ")
            .Build();
        await using var emulator = await InProcessEmulator.StartAsync(scenario);

        Assert.Equal(hostile, await emulator.GetStringAsync(EniPath(SecondaryMac, "netmask")));
        Assert.Equal("x", await emulator.GetStringAsync(EniPath(SecondaryMac, "extra-item")));
        Assert.Equal("  cn-hangzhou  ", await emulator.GetStringAsync("/latest/meta-data/region-id"));
    }

    [Theory]
    [InlineData("/latest/meta-data/no-such-item")]
    [InlineData("/latest/meta-data/network/interfaces/macs/00:16:3e:99:99:99/")]
    [InlineData("/latest/meta-data/network/interfaces/macs/00:16:3e:00:00:01/ipv6s")]
    [InlineData("/latest/meta-data/network/interfaces/macs/00:16:3e:00:00:02/no-such-item")]
    [InlineData("/latest/meta-data/instance-id/")]
    [InlineData("/latest/meta-data//instance-id")]
    [InlineData("/2009-04-04/meta-data/")]
    [InlineData("/latest/user-data")]
    [InlineData("/nothing")]
    public async Task Unknown_paths_and_absent_items_answer_404(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _emulator.GetAsync(path)).Status);
    }

    [Theory]
    [InlineData("meta-data/")]
    [InlineData("meta-data/network/interfaces/macs/")]
    [InlineData("meta-data/network/interfaces/macs/00:16:3e:00:00:02/private-ipv4s")]
    [InlineData("meta-data/all")]
    [InlineData("dynamic/instance-identity/document")]
    public async Task Both_versions_serve_the_same_tree(string path)
    {
        Assert.Equal(await _emulator.GetStringAsync("/latest/" + path), await _emulator.GetStringAsync("/2016-01-01/" + path));
    }

    [Fact]
    public async Task Version_roots_list_meta_data_and_dynamic()
    {
        Assert.Equal("dynamic/\nmeta-data/", await _emulator.GetStringAsync("/latest/"));
        Assert.Equal("2016-01-01/\nlatest/", await _emulator.GetStringAsync("/"));
    }

    [Fact]
    public async Task All_is_the_whole_tree_as_nested_json_with_private_ipv4s_as_an_array()
    {
        var response = await _emulator.GetAsync("/latest/meta-data/all");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        using var document = JsonDocument.Parse(response.Body);
        var root = document.RootElement;

        Assert.Equal("i-emulator000000000001", root.GetProperty("instance-id").GetString());
        Assert.Equal("ecs.g7.large", root.GetProperty("instance").GetProperty("instance-type").GetString());
        var macs = root.GetProperty("network").GetProperty("interfaces").GetProperty("macs");
        Assert.Equal([PrimaryMac, SecondaryMac], macs.EnumerateObject().Select(p => p.Name));
        var secondary = macs.GetProperty(SecondaryMac);
        Assert.Equal(JsonValueKind.Array, secondary.GetProperty("private-ipv4s").ValueKind);
        Assert.Equal(["192.168.2.10", "192.168.2.11"], secondary.GetProperty("private-ipv4s").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("[2408:4005:325:a204::e4e]", secondary.GetProperty("ipv6s").GetString());
        Assert.Equal("192.168.2.253", secondary.GetProperty("gateway").GetString());
    }

    [Fact]
    public async Task All_keeps_an_unparsable_private_ipv4s_as_the_raw_string()
    {
        var scenario = ScenarioBuilder.Typical(0)
            .ConfigureEni(ScenarioBuilder.Mac(1), eni => eni.WithItem("private-ipv4s", "192.168.1.10, oops"))
            .Build();
        await using var emulator = await InProcessEmulator.StartAsync(scenario);

        using var document = JsonDocument.Parse(await emulator.GetStringAsync("/latest/meta-data/all"));
        var item = document.RootElement.GetProperty("network").GetProperty("interfaces").GetProperty("macs")
            .GetProperty(PrimaryMac).GetProperty("private-ipv4s");
        Assert.Equal("192.168.1.10, oops", item.GetString());
    }

    [Fact]
    public async Task All_answers_404_when_serve_all_is_false()
    {
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(0).WithServeAll(false).Build());

        Assert.Equal(HttpStatusCode.NotFound, (await emulator.GetAsync("/latest/meta-data/all")).Status);
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("/latest/meta-data/")).Status);
    }

    [Fact]
    public async Task Identity_document_is_compact_json_with_the_documented_members_in_order()
    {
        var response = await _emulator.GetAsync("/latest/dynamic/instance-identity/document");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.DoesNotContain(' ', response.Body);
        Assert.DoesNotContain('\n', response.Body);
        using var document = JsonDocument.Parse(response.Body);
        Assert.Equal(
            ["zone-id", "serial-number", "instance-id", "region-id", "private-ipv4", "owner-account-id", "mac", "image-id", "instance-type"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(PrimaryMac, document.RootElement.GetProperty("mac").GetString());
        Assert.Equal("192.168.1.10", document.RootElement.GetProperty("private-ipv4").GetString());
        Assert.Equal("cn-hangzhou-k", document.RootElement.GetProperty("zone-id").GetString());
    }

    [Fact]
    public async Task Directories_answer_without_trailing_slash_too()
    {
        Assert.Equal(await _emulator.GetStringAsync(MacsPath), await _emulator.GetStringAsync(MacsPath.TrimEnd('/')));
    }

    [Fact]
    public async Task Other_methods_on_the_tree_answer_405()
    {
        var response = await MetadataResponse.SendAsync(_emulator.Client, HttpMethod.Post, "/latest/meta-data/");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
    }
}
