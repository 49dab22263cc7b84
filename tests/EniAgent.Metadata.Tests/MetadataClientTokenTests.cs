using System.Net;
using EniAgent.TestKit.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace EniAgent.Metadata.Tests;

/// <summary>Token mode: always used, cached, renewed before expiry, renewed once when rejected.</summary>
public sealed class MetadataClientTokenTests
{
    [Fact]
    public async Task The_token_is_cached_and_renewed_at_eighty_percent_of_its_ttl()
    {
        await using var emulator = await MetadataEmulatorProcess.StartAsync(ScenarioBuilder.Typical().Build());
        var time = new FakeTimeProvider();
        var logs = new RecordingLoggerFactory();
        using var client = TestClients.Create(emulator, o => o with { TokenTtl = TimeSpan.FromSeconds(1000) }, time, logs);

        await client.ReadAsync(CancellationToken.None);
        await client.ReadAsync(CancellationToken.None);
        Assert.Equal(1, (await emulator.GetStatsAsync()).TokensIssued);

        time.Advance(TimeSpan.FromSeconds(799));
        await client.ReadAsync(CancellationToken.None);
        Assert.Equal(1, (await emulator.GetStatsAsync()).TokensIssued);

        time.Advance(TimeSpan.FromSeconds(2));
        await client.ReadAsync(CancellationToken.None);
        var stats = await emulator.GetStatsAsync();
        Assert.Equal(2, stats.TokensIssued);
        Assert.Equal(2, stats.Count("/latest/api/token", "PUT"));
        Assert.Equal(2, logs.Count(1001));
    }

    [Fact]
    public async Task A_hardened_only_service_is_read_like_any_other()
    {
        var scenario = ScenarioBuilder.Typical(secondaries: 2);
        await using var emulator = await MetadataEmulatorProcess.StartAsync(scenario.WithTokenMode(ScenarioTokenMode.Required).Build());
        using (var raw = emulator.CreateClient())
        {
            // Proves the mode: a token-less GET is refused.
            Assert.Equal(HttpStatusCode.Forbidden, (await raw.GetAsync(new Uri("latest/meta-data/instance-id", UriKind.Relative))).StatusCode);
        }

        using var client = TestClients.Create(emulator);
        var hardened = await client.ReadAsync(CancellationToken.None);

        await emulator.ReplaceScenarioAsync(scenario.WithTokenMode(ScenarioTokenMode.Optional).Build());
        Assert.Equal(hardened, await client.ReadAsync(CancellationToken.None));
        Assert.Equal(3, hardened.Enis.Count);
    }

    [Fact]
    public async Task A_rejected_token_is_dropped_renewed_and_the_request_retried_once()
    {
        var scenario = ScenarioBuilder.Typical().WithTokenMode(ScenarioTokenMode.Required).Build();
        // A fixed address for both emulators, out of the kernel's ephemeral range (32768 and up) and off 127.0.0.1: an
        // ephemeral port could be handed to another socket in the second between the two emulators.
        var listen = $"http://127.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}:{Random.Shared.Next(10000, 32000)}";
        var first = await MetadataEmulatorProcess.StartAsync(scenario, listen);
        var logs = new RecordingLoggerFactory();
        using var client = TestClients.Create(first, logs: logs);
        var before = await client.ReadAsync(CancellationToken.None);

        // A new emulator on the same address knows none of the old tokens: the cached one now gets 401.
        await first.DisposeAsync();
        await using var second = await MetadataEmulatorProcess.StartAsync(scenario, listen);
        var after = await client.ReadAsync(CancellationToken.None);

        Assert.Equal(before, after);
        var stats = await second.GetStatsAsync();
        Assert.Equal(1, stats.TokensIssued);
        Assert.Equal(2, stats.Count("/latest/meta-data/all"));
        Assert.Equal(1, logs.Count(1002));
    }
}
