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
        var scenario = new StackScenario();
        var live = await LiveReference.ApplyAsync(scenario);

        using var root = new StackRoot();
        using var instance = StackInstance.Create(scenario, configurePrimary: true);
        var desired = await instance.DesiredAsync();
        LiveReference.Place(root, RendererCatalog.For(RendererKind.Networkd).Render(RenderRequest.FromDesired(desired, scenario.Options)));
        using var bus = await PrivateSystemBus.StartAsync(root);
        using var networkd = await NetworkdLauncher.StartAsync(instance.Namespace, root, bus);

        await instance.WaitConvergedAsync(desired, networkd);

        var applied = KernelContent.Of(await instance.SnapshotAsync(), scenario.Layout, scenario.SecondaryNames);
        Assert.Equal(live.ToString(), applied.ToString());
        Assert.Empty(StackInstance.Remaining(await instance.PlanAsync(desired)));
        NetworkdLog.AssertNoFailures(networkd, scenario.SecondaryNames);
    }
}
