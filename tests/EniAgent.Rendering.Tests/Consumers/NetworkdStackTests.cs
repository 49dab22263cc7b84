using EniAgent.Core.Configuration;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Rendering.Tests.Consumers;

/// <summary>
/// The real systemd-networkd applies our <c>.network</c> files (networkd renderer) in a namespace whose veths carry
/// the ENIs' MACs, and the kernel ends up with the same addresses, table routes and rules as the live reconcile.
/// </summary>
public sealed class NetworkdStackTests
{
    [Fact]
    public async Task Networkd_applying_our_files_gives_the_same_routing_as_the_live_reconcile()
    {
        using var stack = await StackComparison.StartAsync(RendererKind.Networkd, configurePrimary: true);
        using var bus = await PrivateSystemBus.StartAsync(stack.Root);
        using var networkd = await NetworkdLauncher.StartAsync(stack.Instance.Namespace, stack.Root, bus);

        await stack.Instance.WaitConvergedAsync(stack.Desired, networkd);

        await stack.AssertSameAsLiveAsync();
        NetworkdLog.AssertNoFailures(networkd, stack.Scenario.SecondaryNames);
    }
}
