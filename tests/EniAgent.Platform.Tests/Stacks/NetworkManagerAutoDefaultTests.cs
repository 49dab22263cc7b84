using EniAgent.Core.Configuration;
using EniAgent.Platform.Stacks;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Platform.Tests.Stacks;

/// <summary>
/// A real NetworkManager with its stock auto-default behaviour and no image profiles: it generates a "Wired connection
/// N" for every NIC, the primary included. Picking up our keyfiles deletes the generated profiles of our ENIs only;
/// the primary keeps running its own generated profile.
/// </summary>
public sealed class NetworkManagerAutoDefaultTests
{
    [Fact]
    public async Task Only_the_auto_default_profiles_of_our_enis_are_deleted_never_the_primarys()
    {
        using var lab = await NetworkManagerLab.StartAsync(noAutoDefault: false);
        var (scenario, root, instance, bus, nm) = (lab.Scenario, lab.Root, lab.Instance, lab.Bus, lab.NetworkManager);
        foreach (var name in scenario.Enis.Select(e => e.Name))
        {
            await Eventually.HoldsAsync(
                async () => (await NetworkManagerProbe.ProfilesOnAsync(bus, name)).Any(p => p.Active && p.AutoDefault),
                async () => $"{name}: {string.Join("; ", await NetworkManagerProbe.ProfilesOnAsync(bus, name))}\n{nm.Output}");
        }

        var primaryBefore = Assert.Single(await NetworkManagerProbe.ProfilesOnAsync(bus, "eth0"));
        var logger = new ListLogger<NetworkStackNotifier>();
        var written = PersistedFiles.Write(root, RendererKind.NetworkManager, await instance.DesiredAsync(), scenario.Options, []);

        var result = await new NetworkStackNotifier(root.Paths, logger, TimeProvider.System).NotifyAsync(written, CancellationToken.None);

        Assert.True(result.Status == StackNotifyStatus.Notified, $"{result}\n{logger}");
        foreach (var name in scenario.SecondaryNames)
        {
            var ours = $"/etc/NetworkManager/system-connections/eniagent-{name}.nmconnection";
            Assert.Contains(result.Steps, s => s.StartsWith($"{name}: deleted NetworkManager's auto-default profile /run/NetworkManager/system-connections/Wired connection ", StringComparison.Ordinal));
            Assert.Equal([new NmProfileView(ours, 0, true)], await NetworkManagerProbe.ProfilesOnAsync(bus, name));
        }

        Assert.Equal([primaryBefore], await NetworkManagerProbe.ProfilesOnAsync(bus, "eth0"));
        Assert.Equal(2, logger.Lines.Count(l => l.StartsWith("Information 5042 ", StringComparison.Ordinal)));
    }
}
