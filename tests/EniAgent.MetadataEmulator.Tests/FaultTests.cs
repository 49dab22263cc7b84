using System.Diagnostics;
using System.Net;
using EniAgent.MetadataEmulator.Tests.Support;
using EniAgent.TestKit.Emulator;
using static EniAgent.MetadataEmulator.Tests.Support.TestScenarios;

namespace EniAgent.MetadataEmulator.Tests;

/// <summary>Each injected fault, and that control requests are never affected.</summary>
public sealed class FaultTests
{
    // .NET's timers run on CLOCK_MONOTONIC_COARSE (one jiffy, up to 10 ms) while Stopwatch is precise, so an injected
    // delay may measure a few ms short (seen: 95.5 ms for 100). Only a lower bound is checked: load makes it longer,
    // never shorter, and without the fault a local request takes about 1 ms.
    private static readonly TimeSpan CoarseTimerSlack = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task Latency_delays_metadata_responses_but_not_control_ones()
    {
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(0).Build());
        await emulator.Control.SetFaultsAsync(new FaultsBuilder().WithLatency(TimeSpan.FromMilliseconds(150)).ToJson());

        var watch = Stopwatch.StartNew();
        Assert.Equal("i-emulator000000000001", await emulator.GetStringAsync("/latest/meta-data/instance-id"));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(150) - CoarseTimerSlack, $"took only {watch.Elapsed}");
    }

    [Fact]
    public async Task Latency_from_the_scenario_file_applies_too()
    {
        var scenario = ScenarioBuilder.Typical(0).WithFaults(f => f.WithLatency(TimeSpan.FromMilliseconds(100))).Build();
        await using var emulator = await InProcessEmulator.StartAsync(scenario);

        var watch = Stopwatch.StartNew();
        await emulator.GetStringAsync("/latest/meta-data/");
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(100) - CoarseTimerSlack, $"took only {watch.Elapsed}");
    }

    [Fact]
    public async Task Crlf_listings_use_crlf_between_children_and_leaves_stay_verbatim()
    {
        var scenario = ScenarioBuilder.Typical(1).WithFaults(f => f.WithCrlfListings()).Build();
        await using var emulator = await InProcessEmulator.StartAsync(scenario);

        Assert.Equal($"{PrimaryMac}/\r\n{SecondaryMac}/", await emulator.GetStringAsync(MacsPath));
        Assert.Contains("network-interface-id\r\nprimary-ip-address\r\n", await emulator.GetStringAsync(EniPath(SecondaryMac)));
        Assert.Equal("192.168.2.253", await emulator.GetStringAsync(EniPath(SecondaryMac, "gateway")));
    }

    [Fact]
    public async Task Listing_trailing_newline_ends_listings_with_a_line_break()
    {
        var scenario = ScenarioBuilder.Typical(1).WithFaults(f => f.WithListingTrailingNewline().WithCrlfListings()).Build();
        await using var emulator = await InProcessEmulator.StartAsync(scenario);

        Assert.Equal($"{PrimaryMac}/\r\n{SecondaryMac}/\r\n", await emulator.GetStringAsync(MacsPath));
    }

    [Fact]
    public async Task Json_array_spaces_apply_to_arrays_the_emulator_formats()
    {
        var scenario = ScenarioBuilder.Typical(1).WithFaults(f => f.WithJsonArraySpaces()).Build();
        await using var emulator = await InProcessEmulator.StartAsync(scenario);
        Assert.Equal("[\"192.168.2.10\"]", await emulator.GetStringAsync(EniPath(SecondaryMac, "private-ipv4s")));

        await emulator.Control.AssignIpAsync(SecondaryMac, "192.168.2.20");

        Assert.Equal("[\"192.168.2.10\", \"192.168.2.20\"]", await emulator.GetStringAsync(EniPath(SecondaryMac, "private-ipv4s")));
    }

    [Fact]
    public async Task Status_burst_answers_the_next_n_requests_then_recovers()
    {
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(0).Build());
        await emulator.Control.SetFaultsAsync(new FaultsBuilder().WithStatusBurst(429, 2).ToJson());

        Assert.Equal(HttpStatusCode.TooManyRequests, (await emulator.GetAsync("/latest/meta-data/instance-id")).Status);
        var statsBetween = await emulator.Control.GetStatsAsync();
        var put = await MetadataResponse.SendAsync(emulator.Client, HttpMethod.Put, "/latest/api/token", ttl: "60");
        Assert.Equal(HttpStatusCode.TooManyRequests, put.Status);
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("/latest/meta-data/instance-id")).Status);
        Assert.Equal(1, statsBetween.Requests);
        Assert.Equal(3, (await emulator.Control.GetStatsAsync()).Requests);
    }

    [Fact]
    public async Task Status_burst_defaults_to_503_from_a_scenario()
    {
        var scenario = ScenarioBuilder.Typical(0).WithFaults(f => f.WithStatusBurst(503, 1)).Build();
        await using var emulator = await InProcessEmulator.StartAsync(scenario);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await emulator.GetAsync("/latest/meta-data/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("/latest/meta-data/")).Status);
    }

    [Fact]
    public async Task Dropped_connections_abort_the_next_n_requests_without_a_response()
    {
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(0).Build());
        await emulator.Control.SetFaultsAsync(new FaultsBuilder().WithDroppedConnections(2).ToJson());

        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.GetAsync("/latest/meta-data/instance-id"));
        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.GetAsync("/latest/meta-data/instance-id"));
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("/latest/meta-data/instance-id")).Status);
        Assert.Equal(3, (await emulator.Control.GetStatsAsync()).Count("/latest/meta-data/instance-id"));
    }

    [Fact]
    public async Task Drops_come_before_the_status_burst()
    {
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(0).Build());
        await emulator.Control.SetFaultsAsync(new FaultsBuilder().WithDroppedConnections(1).WithStatusBurst(500, 1).ToJson());

        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.GetAsync("/latest/meta-data/"));
        Assert.Equal(HttpStatusCode.InternalServerError, (await emulator.GetAsync("/latest/meta-data/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("/latest/meta-data/")).Status);
    }

    [Fact]
    public async Task Control_requests_are_never_faulted_nor_counted()
    {
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(1).Build());
        await emulator.Control.SetFaultsAsync(new FaultsBuilder().WithDroppedConnections(5).WithStatusBurst(503, 5).ToJson());

        await emulator.Control.AssignIpAsync(SecondaryMac, "192.168.2.30");
        await emulator.Control.UnassignIpAsync(SecondaryMac, "192.168.2.30");
        var stats = await emulator.Control.GetStatsAsync();

        Assert.Equal(0, stats.Requests);
        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.GetAsync("/latest/meta-data/"));
    }

    [Fact]
    public async Task Setting_faults_replaces_the_previous_ones()
    {
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(0).Build());
        await emulator.Control.SetFaultsAsync(new FaultsBuilder().WithStatusBurst(503, 10).ToJson());
        await emulator.Control.SetFaultsAsync("{}");

        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("/latest/meta-data/")).Status);
    }
}
