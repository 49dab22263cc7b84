using System.Net;
using System.Text.Json;
using EniAgent.MetadataEmulator.Tests.Support;
using EniAgent.TestKit.Emulator;
using Microsoft.Extensions.Time.Testing;
using static EniAgent.MetadataEmulator.Tests.Support.TestScenarios;

namespace EniAgent.MetadataEmulator.Tests;

/// <summary>visible-after-ms and items-lag-ms, driven by a fake clock (no timing assertions).</summary>
public sealed class PropagationTests
{
    [Fact]
    public async Task Mac_appears_after_visible_after_and_items_after_items_lag()
    {
        var time = new FakeTimeProvider();
        var scenario = ScenarioBuilder.Typical(1)
            .ConfigureEni(ScenarioBuilder.Mac(2), eni => eni.WithVisibleAfter(TimeSpan.FromSeconds(10)).WithItemsLag(TimeSpan.FromSeconds(5)))
            .Build();
        await using var emulator = await InProcessEmulator.StartAsync(scenario, time);

        Assert.Equal($"{PrimaryMac}/", await emulator.GetStringAsync(MacsPath));
        Assert.Equal(HttpStatusCode.NotFound, (await emulator.GetAsync(EniPath(SecondaryMac))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await emulator.GetAsync(EniPath(SecondaryMac, "gateway"))).Status);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal($"{PrimaryMac}/\n{SecondaryMac}/", await emulator.GetStringAsync(MacsPath));
        Assert.Equal(string.Empty, await emulator.GetStringAsync(EniPath(SecondaryMac)));
        Assert.Equal(HttpStatusCode.NotFound, (await emulator.GetAsync(EniPath(SecondaryMac, "gateway"))).Status);
        Assert.Empty((await AllMacsAsync(emulator)).GetProperty(SecondaryMac).EnumerateObject());

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("192.168.2.253", await emulator.GetStringAsync(EniPath(SecondaryMac, "gateway")));
        Assert.Equal("192.168.2.253", (await AllMacsAsync(emulator)).GetProperty(SecondaryMac).GetProperty("gateway").GetString());
    }

    [Fact]
    public async Task Attach_starts_the_delays_at_attach_time()
    {
        var time = new FakeTimeProvider();
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(0).Build(), time);
        time.Advance(TimeSpan.FromMinutes(5));
        var eni = new EniBuilder(ScenarioBuilder.Mac(7), IPAddress.Parse("192.168.7.10"), IPNetwork.Parse("192.168.7.0/24"))
            .WithVisibleAfter(TimeSpan.FromSeconds(3))
            .WithItemsLag(TimeSpan.FromSeconds(2));

        await emulator.Control.AttachAsync(eni.ToJson());
        Assert.DoesNotContain("00:16:3e:00:00:07/", await emulator.GetStringAsync(MacsPath));

        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Contains("00:16:3e:00:00:07/", await emulator.GetStringAsync(MacsPath));
        Assert.Equal(HttpStatusCode.NotFound, (await emulator.GetAsync(EniPath("00:16:3e:00:00:07", "primary-ip-address"))).Status);

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("192.168.7.10", await emulator.GetStringAsync(EniPath("00:16:3e:00:00:07", "primary-ip-address")));
    }

    [Fact]
    public async Task Replacing_the_scenario_restarts_the_timers()
    {
        var time = new FakeTimeProvider();
        var scenario = ScenarioBuilder.Typical(1)
            .ConfigureEni(ScenarioBuilder.Mac(2), eni => eni.WithVisibleAfter(TimeSpan.FromSeconds(10)))
            .Build();
        await using var emulator = await InProcessEmulator.StartAsync(scenario, time);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Contains($"{SecondaryMac}/", await emulator.GetStringAsync(MacsPath));

        await emulator.Control.ReplaceScenarioAsync(scenario);
        Assert.DoesNotContain($"{SecondaryMac}/", await emulator.GetStringAsync(MacsPath));

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Contains($"{SecondaryMac}/", await emulator.GetStringAsync(MacsPath));
    }

    private static async Task<JsonElement> AllMacsAsync(InProcessEmulator emulator)
    {
        using var document = JsonDocument.Parse(await emulator.GetStringAsync("/latest/meta-data/all"));
        return document.RootElement.GetProperty("network").GetProperty("interfaces").GetProperty("macs").Clone();
    }
}
