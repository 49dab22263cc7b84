using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Rendering.Renderers;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Rendering.Tests.Consumers;

/// <summary>
/// The netplan path end to end: our YAML and networkd drop-ins next to a cloud-init style catch-all for every eth*,
/// the real <c>netplan generate --root-dir</c>, then the real systemd-networkd applying the result. The kernel ends up
/// with the same routing as the live reconcile, so our definitions won over the catch-all. The generated files are
/// used as netplan wrote them; only a test-only drop-in bridges the veth's missing permanent MAC (<see cref="ImageFiles.WriteVethMatch"/>).
/// </summary>
public sealed class NetplanStackTests
{
    [Fact]
    public async Task Networkd_applying_netplan_output_of_our_files_gives_the_same_routing_as_the_live_reconcile()
    {
        var scenario = new StackScenario();
        var live = await LiveReference.ApplyAsync(scenario);

        using var root = new StackRoot();
        using var instance = StackInstance.Create(scenario, configurePrimary: false);
        var desired = await instance.DesiredAsync();
        LiveReference.Place(root, RendererCatalog.For(RendererKind.Netplan).Render(RenderRequest.FromDesired(desired, scenario.Options)));
        ImageFiles.WriteNetplan(root);
        ImageFiles.GenerateNetplan(root);
        foreach (var (name, eni) in scenario.Enis.Skip(1))
        {
            var generated = root.Combine($"/run/systemd/network/10-netplan-{NetplanRenderer.DefinitionId(name)}.network");
            Assert.Contains($"PermanentMACAddress={MacAddress.Format(eni.Mac)}\n", File.ReadAllText(generated), StringComparison.Ordinal);
        }

        ImageFiles.WriteVethMatches(root, scenario);

        using var bus = await PrivateSystemBus.StartAsync(root);
        using var networkd = await NetworkdLauncher.StartAsync(instance.Namespace, root, bus);

        await instance.WaitConvergedAsync(desired, networkd);

        var applied = KernelContent.Of(await instance.SnapshotAsync(), scenario.Layout, scenario.SecondaryNames);
        Assert.Equal(live.ToString(), applied.ToString());
        Assert.Empty(StackInstance.Remaining(await instance.PlanAsync(desired)));
        NetworkdLog.AssertNoFailures(networkd, scenario.SecondaryNames);
    }
}
