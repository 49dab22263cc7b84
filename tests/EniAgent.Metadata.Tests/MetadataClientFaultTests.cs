using System.Net;
using System.Net.Sockets;
using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Metadata.Tests;

/// <summary>Transient faults are retried; final answers are not; anything unrecoverable is an exception, never a snapshot.</summary>
public sealed class MetadataClientFaultTests
{
    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(500)]
    public async Task A_burst_of_transient_statuses_is_retried_to_success(int status)
    {
        var scenario = ScenarioBuilder.Typical().WithFaults(f => f.WithStatusBurst(status, 3));
        await using var emulator = await MetadataEmulatorProcess.StartAsync(scenario.Build());
        var logs = new RecordingLoggerFactory();
        using var client = TestClients.Create(emulator, logs: logs);

        var snapshot = await client.ReadAsync(CancellationToken.None);

        Assert.Equal(2, snapshot.Enis.Count);
        var stats = await emulator.GetStatsAsync();
        Assert.Equal(3 + 2, stats.Requests); // 3 refused, then the token and meta-data/all
        Assert.Equal(3, logs.Count(1000));
    }

    [Fact]
    public async Task Transient_statuses_beyond_the_retries_make_the_service_unavailable()
    {
        await using var emulator = await MetadataEmulatorProcess.StartAsync(ScenarioBuilder.Typical().WithFaults(f => f.WithStatusBurst(503, 100)).Build());
        using var client = TestClients.Create(emulator, o => o with { MaxRetries = 2 });

        var error = await Assert.ThrowsAsync<MetadataUnavailableException>(() => client.ReadAsync(CancellationToken.None));

        Assert.Equal("/latest/api/token", error.Path);
        Assert.Equal("HTTP 503 after 3 attempts", error.Reason);
        Assert.Equal(3, (await emulator.GetStatsAsync()).Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(401)]
    public async Task Other_client_errors_are_final(int status)
    {
        await using var emulator = await MetadataEmulatorProcess.StartAsync(ScenarioBuilder.Typical().WithFaults(f => f.WithStatusBurst(status, 1)).Build());
        using var client = TestClients.Create(emulator);

        var error = await Assert.ThrowsAsync<MetadataUnavailableException>(() => client.ReadAsync(CancellationToken.None));

        Assert.Equal($"HTTP {status}", error.Reason);
        Assert.Equal(1, (await emulator.GetStatsAsync()).Requests);
    }

    [Fact]
    public async Task Not_found_is_an_answer_asked_once_not_a_failure()
    {
        await using var emulator = await MetadataEmulatorProcess.StartAsync(ScenarioBuilder.Typical().WithServeAll(false).Build());
        using var client = TestClients.Create(emulator);

        var snapshot = await client.ReadAsync(CancellationToken.None);

        Assert.Empty(snapshot.Primary!.Ipv6s);
        var stats = await emulator.GetStatsAsync();
        Assert.Equal(1, stats.Count("/latest/meta-data/all"));
        Assert.Equal(1, stats.Count("/latest/meta-data/network/interfaces/macs/00:16:3e:00:00:01/ipv6s"));
    }

    [Fact]
    public async Task Dropped_connections_are_retried()
    {
        await using var emulator = await MetadataEmulatorProcess.StartAsync(ScenarioBuilder.Typical().WithFaults(f => f.WithDroppedConnections(2)).Build());
        using var client = TestClients.Create(emulator);

        Assert.Equal(2, (await client.ReadAsync(CancellationToken.None)).Enis.Count);
        Assert.Equal(2 + 2, (await emulator.GetStatsAsync()).Requests);
    }

    [Fact]
    public async Task An_attempt_that_outlives_its_timeout_is_abandoned_and_retried()
    {
        var scenario = ScenarioBuilder.Typical().WithFaults(f => f.WithLatency(TimeSpan.FromSeconds(2)));
        await using var emulator = await MetadataEmulatorProcess.StartAsync(scenario.Build());
        using var client = TestClients.Create(emulator, o => o with { AttemptTimeout = TimeSpan.FromMilliseconds(200), MaxRetries = 1 });

        var error = await Assert.ThrowsAsync<MetadataUnavailableException>(() => client.ReadAsync(CancellationToken.None));

        Assert.Equal("/latest/api/token", error.Path);
        Assert.Equal("no answer within 200 ms after 2 attempts", error.Reason);
        // The emulator records the abandoned second request on its own time, maybe after the client gave up.
        await Eventually.HoldsAsync(
            async () => (await emulator.GetStatsAsync()).Requests == 2,
            async () => $"{(await emulator.GetStatsAsync()).Requests} requests recorded, wanted 2");
    }

    [Fact]
    public async Task The_total_deadline_ends_a_read_that_would_take_longer()
    {
        // Every request takes 400 ms and a read needs at least two of them: 500 ms cannot be enough.
        var scenario = ScenarioBuilder.Typical().WithFaults(f => f.WithLatency(TimeSpan.FromMilliseconds(400)));
        await using var emulator = await MetadataEmulatorProcess.StartAsync(scenario.Build());
        using var client = TestClients.Create(emulator, o => o with { TotalTimeout = TimeSpan.FromMilliseconds(500) });

        var error = await Assert.ThrowsAsync<MetadataUnavailableException>(() => client.ReadAsync(CancellationToken.None));

        Assert.Equal("total deadline of 500 ms exceeded", error.Reason);
    }

    [Fact]
    public async Task The_total_deadline_ends_a_parallel_crawl_as_unavailable()
    {
        // A crawl of 5 ENIs is 80 requests of 100 ms each, 4 at a time: far beyond 700 ms.
        var scenario = ScenarioBuilder.Typical(secondaries: 4).WithServeAll(false).WithFaults(f => f.WithLatency(TimeSpan.FromMilliseconds(100)));
        await using var emulator = await MetadataEmulatorProcess.StartAsync(scenario.Build());
        using var client = TestClients.Create(emulator, o => o with { TotalTimeout = TimeSpan.FromMilliseconds(700) });

        var error = await Assert.ThrowsAsync<MetadataUnavailableException>(() => client.ReadAsync(CancellationToken.None));

        Assert.Equal("total deadline of 700 ms exceeded", error.Reason);
    }

    [Fact]
    public async Task Nothing_listening_is_unavailable_not_empty()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = MetadataSourceFactory.Create(TestClients.Options(new Uri($"http://127.0.0.1:{port}/")) with { TotalTimeout = TimeSpan.FromSeconds(10) });

        var error = await Assert.ThrowsAsync<MetadataUnavailableException>(() => client.ReadAsync(CancellationToken.None));

        Assert.Equal("/latest/api/token", error.Path);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.EndsWith("after 5 attempts", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_cancellation_stays_a_cancellation()
    {
        await using var emulator = await MetadataEmulatorProcess.StartAsync(ScenarioBuilder.Typical().Build());
        using var client = TestClients.Create(emulator);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ReadAsync(new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task A_missing_eni_listing_is_unavailable()
    {
        var scenario = ScenarioBuilder.Typical().WithServeAll(false).WithInstanceItem("network", "not a directory");
        await using var emulator = await MetadataEmulatorProcess.StartAsync(scenario.Build());
        using var client = TestClients.Create(emulator);

        var error = await Assert.ThrowsAsync<MetadataUnavailableException>(() => client.ReadAsync(CancellationToken.None));

        Assert.Equal("/latest/meta-data/network/interfaces/macs/", error.Path);
    }
}
