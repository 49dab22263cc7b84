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
        using var stack = await StackComparison.StartAsync(RendererKind.Netplan, configurePrimary: false);
        var root = stack.Root;
        ImageFiles.WriteNetplan(root);
        ImageFiles.GenerateNetplan(root);
        foreach (var (name, eni) in stack.Scenario.Enis.Skip(1))
        {
            var generated = root.Combine($"/run/systemd/network/10-netplan-{NetplanRenderer.DefinitionId(name)}.network");
            Assert.Contains($"PermanentMACAddress={MacAddress.Format(eni.Mac)}\n", File.ReadAllText(generated), StringComparison.Ordinal);
        }

        ImageFiles.WriteVethMatches(root, stack.Scenario);

        using var bus = await PrivateSystemBus.StartAsync(root);
        using var networkd = await NetworkdLauncher.StartAsync(stack.Instance.Namespace, root, bus);

        await stack.Instance.WaitConvergedAsync(stack.Desired, networkd);

        await stack.AssertSameAsLiveAsync();
        NetworkdLog.AssertNoFailures(networkd, stack.Scenario.SecondaryNames);
    }
}
