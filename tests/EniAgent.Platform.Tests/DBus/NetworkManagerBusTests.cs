using EniAgent.Platform.DBus;
using EniAgent.TestKit.Stacks;
using Tmds.DBus.Protocol;

namespace EniAgent.Platform.Tests.DBus;

/// <summary>
/// A real NetworkManager on a private bus: what the agent's questions get when the object they name went away between
/// two of them (an ENI detached, a profile deleted) — an answer that means "nothing there", never an exception that
/// would fail a whole pickup.
/// </summary>
public sealed class NetworkManagerBusTests
{
    [Fact]
    public async Task Questions_about_a_device_or_profile_that_went_away_answer_nothing()
    {
        using var lab = await NetworkManagerLab.StartAsync(noAutoDefault: false);
        var (bus, nm) = (lab.Bus, lab.NetworkManager);
        using var client = await BusClient.ConnectAsync(bus.Address, TimeProvider.System, CancellationToken.None);
        var manager = new NetworkManagerBus(client);
        await Eventually.HoldsAsync(
            async () => (await NetworkManagerProbe.ProfilesOnAsync(bus, "eth1")).Any(p => p.Active && p.AutoDefault),
            async () => $"eth1: {string.Join("; ", await NetworkManagerProbe.ProfilesOnAsync(bus, "eth1"))}\n{nm.Output}");
        var device = await manager.DeviceOfAsync("eth1", CancellationToken.None);
        Assert.NotNull(device);
        var profile = await manager.ActiveProfileOfAsync(device, CancellationToken.None);
        Assert.NotNull(profile);

        await manager.DeleteAsync(profile, CancellationToken.None);
        var gone = await Assert.ThrowsAsync<DBusErrorReplyException>(() => manager.FlagsOfAsync(profile, CancellationToken.None));
        Assert.True(NetworkManagerBus.IsGone(gone), gone.ErrorName);

        _ = lab.Instance.Namespace.Ip("link", "del", "eth1");
        await Eventually.HoldsAsync(
            async () => await manager.DeviceOfAsync("eth1", CancellationToken.None) is null,
            () => Task.FromResult($"NetworkManager still has eth1\n{nm.Output}"));
        Assert.Null(await manager.ActiveProfileOfAsync(device, CancellationToken.None));
        Assert.Empty(await manager.AvailableProfilesOfAsync(device, CancellationToken.None));
    }
}
