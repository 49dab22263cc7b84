using EniAgent.TestKit.Emulator;

namespace EniAgent.MetadataEmulator.Tests;

public sealed class LauncherSmokeTests
{
    [Fact]
    public async Task Starts_serves_and_stops()
    {
        await using var emulator = await MetadataEmulatorProcess.StartAsync(ScenarioBuilder.Typical(1).Build());
        using var client = emulator.CreateClient();
        var macs = await client.GetStringAsync("/latest/meta-data/network/interfaces/macs/");
        Assert.Equal("00:16:3e:00:00:01/\n00:16:3e:00:00:02/", macs);
    }
}
