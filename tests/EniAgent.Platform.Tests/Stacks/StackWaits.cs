using System.Net;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Platform.Tests.Stacks;

/// <summary>Waits for daemon-side states, failing with the daemon's log when they never come.</summary>
internal static class StackWaits
{
    /// <summary>Until eth0 holds the image's 10.0.0.10; returns its ifindex.</summary>
    public static async Task<int> PrimaryConfiguredAsync(StackInstance instance, StackDaemon daemon)
    {
        var primary = IPAddress.Parse("10.0.0.10");
        await Eventually.HoldsAsync(
            async () => (await instance.SnapshotAsync()).Addresses.Any(a => a.Address.Address.Equals(primary)),
            () => Task.FromResult($"eth0 never got {primary}:\n{daemon.Output}"));
        return (await instance.SnapshotAsync()).Links.Single(l => l.Name == "eth0").Index;
    }

    public static Task NetworkdConfiguredAsync(PrivateSystemBus bus, string interfaceName, string file, StackDaemon daemon, string? state = "configured") =>
        Eventually.HoldsAsync(
            async () => await NetworkdProbe.LinkAsync(bus, interfaceName) is var link && link.File == file && (state is null || link.State == state),
            async () => $"{interfaceName}: {await NetworkdProbe.LinkAsync(bus, interfaceName)}, wanted {file} {state}:\n{daemon.Output}");
}
