using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Rendering.Renderers;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Rendering.Tests.Consumers;

/// <summary>
/// The netplan path end to end: our YAML and networkd drop-ins next to a cloud-init style catch-all for every eth*,
/// the real <c>netplan generate --root-dir</c>, then the real systemd-networkd applying the result. The kernel ends up
/// with the same routing as the live reconcile, so our definitions won over the catch-all.
/// </summary>
public sealed class NetplanStackTests
{
    private const string CatchAll = """
        network:
          version: 2
          ethernets:
            all-eth:
              match:
                name: "eth*"
              dhcp4: true
        """;

    [Fact]
    public async Task Networkd_applying_netplan_output_of_our_files_gives_the_same_routing_as_the_live_reconcile()
    {
        var netplan = RequiredTool.Netplan;
        var scenario = new StackScenario();
        var live = await LiveReference.ApplyAsync(scenario);

        using var root = new StackRoot();
        using var instance = StackInstance.Create(scenario, configurePrimary: false);
        var desired = await instance.DesiredAsync();
        LiveReference.Place(root, RendererCatalog.For(RendererKind.Netplan).Render(RenderRequest.FromDesired(desired, scenario.Options)));
        root.Write("/etc/netplan/50-cloud-init.yaml", CatchAll + "\n", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var generate = Tool.Run(netplan, "generate", "--root-dir", root.Path);
        Assert.True(generate.ExitCode == 0, generate.ToString());
        foreach (var (name, eni) in scenario.Enis.Skip(1))
        {
            VethMatch(root, name, eni.Mac);
        }

        using var bus = await PrivateSystemBus.StartAsync(root);
        using var networkd = await NetworkdLauncher.StartAsync(instance.Namespace, root, bus);

        await LiveReference.ConvergedAsync(instance, desired, networkd);

        var applied = KernelContent.Of(await instance.SnapshotAsync(), scenario.Layout, scenario.SecondaryNames);
        Assert.Equal(live.ToString(), applied.ToString());
        Assert.Empty(LiveReference.Remaining(await instance.PlanAsync(desired)));
    }

    /// <summary>
    /// The one emulation gap: netplan matches <c>macaddress</c> with <c>PermanentMACAddress=</c>, and a veth has no
    /// permanent address (ENI NICs do). A test-only drop-in next to the generated file re-points the match at the
    /// current MAC; the generated file itself is used as netplan wrote it (and checked to match by that MAC).
    /// </summary>
    private static void VethMatch(StackRoot root, string interfaceName, System.Net.NetworkInformation.PhysicalAddress mac)
    {
        var generated = $"{NetplanTestPaths.RuntimeDirectory}/10-netplan-{NetplanRenderer.DefinitionId(interfaceName)}.network";
        Assert.Contains($"PermanentMACAddress={MacAddress.Format(mac)}\n", File.ReadAllText(root.Combine(generated)), StringComparison.Ordinal);
        root.Write($"{generated}.d/00-test-veth-has-no-permanent-mac.conf", $"[Match]\nPermanentMACAddress=\nMACAddress={MacAddress.Format(mac)}\n", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }
}
