using System.Net;
using CsCheck;
using EniAgent.MetadataEmulator.Scenarios;
using EniAgent.MetadataEmulator.Tests.Support;
using EniAgent.TestKit.Emulator;
using static EniAgent.MetadataEmulator.Tests.Support.TestScenarios;

namespace EniAgent.MetadataEmulator.Tests;

/// <summary>The TestKit ScenarioBuilder produces what the emulator accepts, with realistic derived values.</summary>
public sealed class ScenarioBuilderTests
{
    [Fact]
    public void Typical_derives_instance_and_eni_items_the_real_service_would_serve()
    {
        var scenario = ScenarioParser.ParseScenario(ScenarioBuilder.Typical(2).Build());

        Assert.Equal(["00:16:3e:00:00:01", "00:16:3e:00:00:02", "00:16:3e:00:00:03"], scenario.Enis.Select(e => e.Mac));
        Assert.Equal("00:16:3e:00:00:01", Instance(scenario, "mac"));
        Assert.Equal("192.168.1.10", Instance(scenario, "private-ipv4"));
        var third = scenario.Enis[2];
        Assert.Equal("192.168.3.10", third.GetItem("primary-ip-address"));
        Assert.Equal("[\"192.168.3.10\"]", third.GetItem("private-ipv4s"));
        Assert.Equal("192.168.3.253", third.GetItem("gateway"));
        Assert.Equal("255.255.255.0", third.GetItem("netmask"));
        Assert.Equal("192.168.3.0/24", third.GetItem("vswitch-cidr-block"));
        Assert.Equal("192.168.0.0/16", third.GetItem("vpc-cidr-block"));
        Assert.Equal("eni-emu00163e000003", third.GetItem("network-interface-id"));
        Assert.Null(third.GetItem("ipv6s"));
    }

    [Fact]
    public void Eni_options_shape_the_items()
    {
        var eni = new EniBuilder(ScenarioBuilder.Mac(0x21), IPAddress.Parse("10.20.30.40"), IPNetwork.Parse("10.20.30.32/27"))
            .WithSecondaryIps(IPAddress.Parse("10.20.30.41"), IPAddress.Parse("10.20.30.42"))
            .WithIpv6(IPNetwork.Parse("2408:4005:325:a2ff::/64"), IPAddress.Parse("2408:4005:325:a2ff::1"), IPAddress.Parse("2408:4005:325:a2ff::2"))
            .WithIpv4Prefixes(IPNetwork.Parse("10.20.30.48/28"))
            .WithIpv6Prefixes(IPNetwork.Parse("2408:4005:325:a2ff:1::/80"))
            .WithVisibleAfter(TimeSpan.FromSeconds(2))
            .WithItemsLag(TimeSpan.FromMilliseconds(250))
            .WithItem("gateway", "hostile\n")
            .WithoutItem("vpc-id");

        var parsed = ScenarioParser.ParseEni(eni.ToJson());

        Assert.Equal("00:16:3e:00:00:21", parsed.Mac);
        Assert.Equal("[\"10.20.30.40\",\"10.20.30.41\",\"10.20.30.42\"]", parsed.GetItem("private-ipv4s"));
        Assert.Equal("255.255.255.224", parsed.GetItem("netmask"));
        Assert.Equal("hostile\n", parsed.GetItem("gateway"));
        Assert.Null(parsed.GetItem("vpc-id"));
        Assert.Equal("[2408:4005:325:a2ff::1,2408:4005:325:a2ff::2]", parsed.GetItem("ipv6s"));
        Assert.Equal("2408:4005:325:a2ff:ffff:ffff:ffff:fff7", parsed.GetItem("ipv6-gateway"));
        Assert.Equal("[2408:4005:325:a200::/56]", parsed.GetItem("vpc-ipv6-cidr-blocks"));
        Assert.Equal("10.20.30.48/28", parsed.GetItem("ipv4-prefixes"));
        Assert.Equal("2408:4005:325:a2ff:1::/80", parsed.GetItem("ipv6-prefixes"));
        Assert.Equal(TimeSpan.FromSeconds(2), parsed.VisibleAfter);
        Assert.Equal(TimeSpan.FromMilliseconds(250), parsed.ItemsLag);
    }

    [Fact]
    public void Token_mode_serve_all_faults_and_instance_overrides_are_written()
    {
        var json = ScenarioBuilder.Typical(0)
            .WithTokenMode(ScenarioTokenMode.Required)
            .WithServeAll(false)
            .WithInstanceItem("zone-id", "cn-hangzhou-z")
            .WithInstanceItem("instance/instance-name", "web-1")
            .WithoutInstanceItem("network-type")
            .WithFaults(f => f.WithLatency(TimeSpan.FromMilliseconds(7)).WithDroppedConnections(1).WithStatusBurst(429, 2).WithCrlfListings())
            .Build();

        var scenario = ScenarioParser.ParseScenario(json);

        Assert.Equal(TokenMode.Required, scenario.TokenMode);
        Assert.False(scenario.ServeAll);
        Assert.Equal("cn-hangzhou-z", Instance(scenario, "zone-id"));
        Assert.Equal("web-1", Instance(scenario, "instance/instance-name"));
        Assert.Null(Instance(scenario, "network-type"));
        Assert.Equal(TimeSpan.FromMilliseconds(7), scenario.Faults.Latency);
        Assert.Equal(1, scenario.Faults.DropConnections);
        Assert.Equal(new StatusBurst(429, 2), scenario.Faults.StatusBurst);
        Assert.True(scenario.Faults.CrlfListings);
    }

    [Fact]
    public void A_primary_ip_outside_its_subnet_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new EniBuilder(ScenarioBuilder.Mac(1), IPAddress.Parse("10.0.0.1"), IPNetwork.Parse("192.168.0.0/24")));
    }

    [Fact]
    public async Task Any_item_value_round_trips_byte_for_byte_through_the_emulator()
    {
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(0).Build());
        // One emulator, so samples run one at a time; lone surrogates cannot be UTF-8 encoded by anyone.
        var values = Gen.String.Where(s => !s.Any(char.IsSurrogate));

        await values.SampleAsync(
            async value =>
            {
                var scenario = ScenarioBuilder.Typical(0).ConfigureEni(ScenarioBuilder.Mac(1), eni => eni.WithItem("gateway", value)).Build();
                await emulator.Control.ReplaceScenarioAsync(scenario);
                return await emulator.GetStringAsync(EniPath(PrimaryMac, "gateway")) == value;
            },
            iter: 200,
            threads: 1);
    }

    private static string? Instance(Scenario scenario, string key) =>
        scenario.Instance.FirstOrDefault(kv => kv.Key == key).Value;
}
