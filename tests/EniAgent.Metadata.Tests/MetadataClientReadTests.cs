using System.Net;
using EniAgent.Core;
using EniAgent.Core.Metadata;
using EniAgent.TestKit.Emulator;

namespace EniAgent.Metadata.Tests;

/// <summary>The client against the real emulator over real sockets: what it reads, both ways.</summary>
public sealed class MetadataClientReadTests
{
    private static ScenarioBuilder Rich() => ScenarioBuilder.Typical(secondaries: 2)
        .ConfigureEni(ScenarioBuilder.Mac(2), e => e
            .WithSecondaryIps(IPAddress.Parse("192.168.2.12"), IPAddress.Parse("192.168.2.11"))
            .WithIpv6(IPNetwork.Parse("2408:4005:325:a202::/64"), IPAddress.Parse("2408:4005:325:a202::20"), IPAddress.Parse("2408:4005:325:a202::10"))
            .WithIpv4Prefixes(IPNetwork.Parse("192.168.2.48/28"), IPNetwork.Parse("192.168.2.32/28"))
            .WithIpv6Prefixes(IPNetwork.Parse("2408:4005:325:a202:1::/80")));

    [Fact]
    public async Task Reads_every_eni_with_typed_values()
    {
        await using var emulator = await MetadataEmulatorProcess.StartAsync(Rich().Build());
        using var client = TestClients.Create(emulator);

        var snapshot = await client.ReadAsync(CancellationToken.None);

        Assert.Equal("i-emulator000000000001", snapshot.InstanceId);
        Assert.Equal("ecs.g7.large", snapshot.InstanceType);
        Assert.Empty(snapshot.InvalidEnis);
        Assert.Equal([Mac(1), Mac(2), Mac(3)], snapshot.Enis.Select(e => MacAddress.Format(e.Mac)));
        Assert.Equal(Mac(1), MacAddress.Format(snapshot.Primary!.Mac));
        var eni = snapshot.FindByMac(ScenarioBuilder.Mac(2))!;
        Assert.Equal(["192.168.2.10", "192.168.2.11", "192.168.2.12"], eni.PrivateIpv4s.Select(ip => ip.ToString()));
        Assert.Equal(IPAddress.Parse("192.168.2.253"), eni.Gateway);
        Assert.Equal(IPNetwork.Parse("192.168.2.0/24"), eni.Subnet);
        Assert.Equal(["2408:4005:325:a202::10", "2408:4005:325:a202::20"], eni.Ipv6s.Select(ip => ip.ToString()));
        Assert.Equal(["192.168.2.32/28", "192.168.2.48/28"], eni.Ipv4Prefixes.Select(p => p.ToString()));
        Assert.Equal(IPNetwork.Parse("2408:4005:325:a202:1::/80"), Assert.Single(eni.Ipv6Prefixes));
        Assert.False(client.CrawlsItemByItem);
    }

    [Fact]
    public async Task Meta_data_all_and_the_crawl_give_equal_snapshots_and_404_is_asked_once()
    {
        var scenario = Rich();
        await using var emulator = await MetadataEmulatorProcess.StartAsync(scenario.Build());
        using var allClient = TestClients.Create(emulator);
        var viaAll = await allClient.ReadAsync(CancellationToken.None);

        await emulator.ReplaceScenarioAsync(scenario.WithServeAll(false).Build());
        await emulator.ResetStatsAsync();
        var logs = new RecordingLoggerFactory();
        using var crawlClient = TestClients.Create(emulator, logs: logs);
        var viaCrawl = await crawlClient.ReadAsync(CancellationToken.None);
        var again = await crawlClient.ReadAsync(CancellationToken.None);

        Assert.Equal(viaAll, viaCrawl);
        Assert.Equal(viaAll, again);
        Assert.True(crawlClient.CrawlsItemByItem);
        var stats = await emulator.GetStatsAsync();
        Assert.Equal(1, stats.Count("/latest/meta-data/all"));
        Assert.Equal(2, stats.Count("/latest/meta-data/network/interfaces/macs/"));
        Assert.Equal(1, logs.Count(1003));
    }

    [Fact]
    public async Task Crlf_listings_trailing_newlines_and_spaced_arrays_change_nothing()
    {
        var scenario = Rich().ConfigureEni(ScenarioBuilder.Mac(3), e => e.WithItem("private-ipv4s", "[\"192.168.3.10\", \"192.168.3.11\"]\r\n"));
        await using var emulator = await MetadataEmulatorProcess.StartAsync(scenario.Build());
        using var plain = TestClients.Create(emulator);
        var expected = await plain.ReadAsync(CancellationToken.None);

        await emulator.ReplaceScenarioAsync(scenario.WithServeAll(false).Build());
        await emulator.SetFaultsAsync(new FaultsBuilder().WithCrlfListings().WithListingTrailingNewline().WithJsonArraySpaces().ToJson());
        using var crawler = TestClients.Create(emulator);
        var crawled = await crawler.ReadAsync(CancellationToken.None);

        Assert.Equal(expected, crawled);
        Assert.Equal(["192.168.3.10", "192.168.3.11"], crawled.FindByMac(ScenarioBuilder.Mac(3))!.PrivateIpv4s.Select(ip => ip.ToString()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Assigned_ips_appear_with_spaced_arrays(bool serveAll)
    {
        await using var emulator = await MetadataEmulatorProcess.StartAsync(ScenarioBuilder.Typical(1).WithServeAll(serveAll).Build());
        await emulator.SetFaultsAsync(new FaultsBuilder().WithJsonArraySpaces().ToJson());
        await emulator.AssignIpAsync(ScenarioBuilder.Mac(2), IPAddress.Parse("192.168.2.30"));
        await emulator.AssignIpAsync(ScenarioBuilder.Mac(2), IPAddress.Parse("192.168.2.20"));
        using var client = TestClients.Create(emulator);

        var eni = (await client.ReadAsync(CancellationToken.None)).FindByMac(ScenarioBuilder.Mac(2))!;

        Assert.Equal(["192.168.2.10", "192.168.2.20", "192.168.2.30"], eni.PrivateIpv4s.Select(ip => ip.ToString()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Hostile_values_make_only_their_eni_invalid(bool serveAll)
    {
        var scenario = ScenarioBuilder.Typical(secondaries: 4).WithServeAll(serveAll)
            .ConfigureEni(ScenarioBuilder.Mac(2), e => e.WithItem("network-interface-id", "eni-abc;reboot"))
            .ConfigureEni(ScenarioBuilder.Mac(3), e => e.WithItem("gateway", "10.9.9.9"))
            .ConfigureEni(ScenarioBuilder.Mac(4), e => e.WithItem("private-ipv4s", "[\"192.168.4.10\",\"192.168.1.10\"]"))
            .ConfigureEni(ScenarioBuilder.Mac(5), e => e.WithItem("vswitch-id", "vsw-a\nDEFROUTE=yes"));
        await using var emulator = await MetadataEmulatorProcess.StartAsync(scenario.Build());
        using var client = TestClients.Create(emulator);

        var snapshot = await client.ReadAsync(CancellationToken.None);

        Assert.Equal([Mac(1)], snapshot.Enis.Select(e => MacAddress.Format(e.Mac)));
        Assert.Equal(
            [
                (Mac(2), "network-interface-id", "contains forbidden character ';'"),
                (Mac(3), "gateway", "10.9.9.9 is outside the vSwitch CIDR 192.168.3.0/24"),
                (Mac(4), "private-ipv4s", "192.168.1.10 is outside the vSwitch CIDR 192.168.4.0/24"),
                (Mac(5), "vswitch-id", "contains a line break"),
            ],
            snapshot.InvalidEnis.Select(e => (e.RawMac, e.Item, e.Reason)));
        Assert.Equal("vsw-a\\nDEFROUTE=yes", snapshot.InvalidEnis[3].Value);
    }

    [Theory]
    [InlineData(true, "mac", "00:16:3e:00:00:0g")]
    [InlineData(false, "instance-id", "i-abc`id`")]
    public async Task A_bad_instance_item_is_a_format_error_not_a_snapshot(bool serveAll, string item, string value)
    {
        var scenario = ScenarioBuilder.Typical().WithServeAll(serveAll).WithInstanceItem(item, value);
        await using var emulator = await MetadataEmulatorProcess.StartAsync(scenario.Build());
        using var client = TestClients.Create(emulator);

        var error = await Assert.ThrowsAsync<MetadataFormatException>(() => client.ReadAsync(CancellationToken.None));

        Assert.Equal(item, error.Item);
    }

    [Fact]
    public async Task A_detached_eni_is_simply_absent_from_the_next_snapshot()
    {
        await using var emulator = await MetadataEmulatorProcess.StartAsync(ScenarioBuilder.Typical(secondaries: 2).Build());
        using var client = TestClients.Create(emulator);
        Assert.True((await client.ReadAsync(CancellationToken.None)).Lists(ScenarioBuilder.Mac(3)));

        await emulator.DetachAsync(ScenarioBuilder.Mac(3));
        var snapshot = await client.ReadAsync(CancellationToken.None);

        Assert.False(snapshot.Lists(ScenarioBuilder.Mac(3)));
        Assert.Equal(2, snapshot.Enis.Count);
    }

    [Fact]
    public async Task An_eni_whose_items_lag_is_invalid_until_they_appear()
    {
        var scenario = ScenarioBuilder.Typical(secondaries: 1)
            .ConfigureEni(ScenarioBuilder.Mac(2), e => e.WithItemsLag(TimeSpan.FromHours(1)))
            .WithServeAll(false);
        await using var emulator = await MetadataEmulatorProcess.StartAsync(scenario.Build());
        using var client = TestClients.Create(emulator);

        var snapshot = await client.ReadAsync(CancellationToken.None);

        var invalid = Assert.Single(snapshot.InvalidEnis);
        Assert.Equal(("network-interface-id", "required item is missing"), (invalid.Item, invalid.Reason));
        Assert.True(snapshot.Lists(ScenarioBuilder.Mac(2)));
    }

    private static string Mac(int index) => MacAddress.Format(ScenarioBuilder.Mac(index));
}
