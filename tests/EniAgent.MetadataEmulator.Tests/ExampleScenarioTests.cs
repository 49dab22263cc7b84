using System.Net;
using EniAgent.MetadataEmulator.Scenarios;
using EniAgent.MetadataEmulator.Tests.Support;

namespace EniAgent.MetadataEmulator.Tests;

/// <summary>The example scenarios shipped under src/EniAgent.MetadataEmulator/scenarios/ load and serve.</summary>
public sealed class ExampleScenarioTests
{
    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", name));

    [Theory]
    [InlineData("one-secondary.json", 2)]
    [InlineData("three-enis-ipv6.json", 3)]
    [InlineData("hostile.json", 5)]
    public void Examples_parse(string name, int enis)
    {
        Assert.Equal(enis, ScenarioParser.ParseScenario(Read(name)).Enis.Count);
    }

    [Fact]
    public async Task Hostile_example_serves_its_values_verbatim_with_crlf_listings()
    {
        await using var emulator = await InProcessEmulator.StartAsync(Read("hostile.json"));

        Assert.Equal(
            "00:16:3e:00:00:01/\r\n00:16:3E:00:00:02/\r\n00:16:3e:00:00:03/\r\n00:16:3e:00:00:04/\r\nzz:zz:zz:zz:zz:zz/\r\n",
            await emulator.GetStringAsync(TestScenarios.MacsPath));
        Assert.Equal("192.168.2.10\nDEVICE=eth0", await emulator.GetStringAsync(TestScenarios.EniPath("00:16:3E:00:00:02", "primary-ip-address")));
        Assert.Equal("00:16:3e:00:00:01\n", await emulator.GetStringAsync("/latest/meta-data/mac"));
        Assert.Equal(HttpStatusCode.NotFound, (await emulator.GetAsync(TestScenarios.EniPath("00:16:3e:00:00:04", "gateway"))).Status);
    }

    [Fact]
    public async Task Three_enis_example_requires_tokens_and_delays_its_third_eni()
    {
        await using var emulator = await InProcessEmulator.StartAsync(Read("three-enis-ipv6.json"), new Microsoft.Extensions.Time.Testing.FakeTimeProvider());

        Assert.Equal(HttpStatusCode.Forbidden, (await emulator.GetAsync(TestScenarios.MacsPath)).Status);
        var token = await MetadataResponse.SendAsync(emulator.Client, HttpMethod.Put, "/latest/api/token", ttl: "60");
        var macs = await emulator.GetAsync(TestScenarios.MacsPath, token.Body);
        Assert.Equal("00:16:3e:00:00:02/\n00:16:3e:00:00:01/", macs.Body);
    }
}
