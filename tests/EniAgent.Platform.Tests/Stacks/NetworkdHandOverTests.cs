using EniAgent.Core.Configuration;
using EniAgent.Platform.DBus;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Platform.Tests.Stacks;

/// <summary>
/// The hand-over on a busy machine: networkd handles our Reload before it has read the kernel's news of the addresses
/// the agent just added (both wait on its sockets while it is frozen). It then queues its own requests for them and
/// learns of our addresses afterwards; with a broadcast of its own on those requests (what networkd 252 computes when
/// the file does not say <c>Broadcast=no</c>) it re-sends them in a loop until "Failed to configure address:
/// Numerical result out of range" (docs/persisted-config.md). It must configure the link once and report nothing.
/// </summary>
public sealed class NetworkdHandOverTests
{
    [Fact]
    public async Task Networkd_taking_our_file_before_reading_our_live_addresses_configures_the_link_without_failures()
    {
        var scenario = new StackScenario();
        using var root = new StackRoot();
        using var instance = StackInstance.Create(scenario, configurePrimary: false);
        ImageFiles.WriteNetworkd(root);
        using var bus = await PrivateSystemBus.StartAsync(root);
        using var networkd = await NetworkdLauncher.StartAsync(instance.Namespace, root, bus);
        await StackWaits.PrimaryConfiguredAsync(instance, networkd);
        var desired = await instance.DesiredAsync();
        PersistedFiles.Write(root, RendererKind.Networkd, desired, scenario.Options, []);

        // Reload returns once networkd has asked the kernel for the link (RTM_GETLINK); the addresses added right
        // after reach its socket behind that answer, so it queues its own address requests before it sees ours.
        using (var client = await BusClient.ConnectAsync(bus.Address, TimeProvider.System, CancellationToken.None))
        {
            await new NetworkdBus(client).ReloadAsync(CancellationToken.None);
        }

        await instance.ApplyLiveAsync(desired);
        foreach (var name in scenario.SecondaryNames)
        {
            await StackWaits.NetworkdConfiguredAsync(bus, name, $"/etc/systemd/network/10-eniagent-{name}.network", networkd);
        }

        await instance.WaitConvergedAsync(desired, networkd, addsOnly: true);
        NetworkdLog.AssertNoFailures(networkd, scenario.Enis.Select(e => e.Name));
    }
}
