using EniAgent.Core.Configuration;
using EniAgent.Core.Host;

namespace EniAgent.Core.Tests.Host;

/// <summary>The stack told about the files follows the stack that manages the network, not the file format.</summary>
public class PickupSelectorTests
{
    [Theory]
    [InlineData("alinux3", Stack.NmIfcfg, RendererKind.Ifcfg, PickupStack.NetworkManager)]
    [InlineData("rhel8", Stack.NmIfcfg, RendererKind.Ifcfg, PickupStack.NetworkManager)]
    [InlineData("rhel9", Stack.NmKeyfile, RendererKind.NetworkManager, PickupStack.NetworkManager)]
    [InlineData("centos7", Stack.NetworkScripts, RendererKind.Ifcfg, PickupStack.None)]
    [InlineData("ubuntu22.04", Stack.NetplanNetworkd, RendererKind.Netplan, PickupStack.Networkd)]
    [InlineData("debian12", Stack.Ifupdown, RendererKind.Ifupdown, PickupStack.None)]
    [InlineData("sles15", Stack.Wicked, RendererKind.Wicked, PickupStack.None)]
    [InlineData("debian12", Stack.Offline, RendererKind.Networkd, PickupStack.Networkd)]
    public void Stack_told_per_image(string fixture, Stack stack, RendererKind renderer, PickupStack expected)
    {
        Assert.Equal(expected, PickupSelector.Select(renderer, HostScenarios.Facts(fixture, stack)).Stack);
    }

    [Fact]
    public void Ifcfg_chosen_by_detection_on_Alibaba_Cloud_Linux_3_is_told_to_NetworkManager()
    {
        var facts = HostScenarios.Facts("alinux3", Stack.NmIfcfg);
        var renderer = RendererSelector.Select(facts, null).Renderer;
        Assert.Equal(RendererKind.Ifcfg, renderer);
        var choice = PickupSelector.Select(renderer, facts);
        Assert.Equal(PickupStack.NetworkManager, choice.Stack);
        Assert.Contains("ifcfg-rh", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ifcfg_with_NetworkManager_stopped_but_reading_ifcfg_still_goes_to_NetworkManager()
    {
        // The bus call then finds no NetworkManager and skips; the choice itself must not fall back to "nobody".
        var facts = HostScenarios.Facts("rhel8", Stack.NmIfcfg) with { RunningDaemons = [] };
        Assert.Equal(PickupStack.NetworkManager, PickupSelector.Select(RendererKind.Ifcfg, facts).Stack);
    }

    [Fact]
    public void Netplan_rendering_for_NetworkManager_never_points_networkd_at_it()
    {
        var facts = HostScenarios.Facts("ubuntu22.04", Stack.NmKeyfile).WithPrimary(p => p with
        {
            NmProfile = NmProfileFormat.NetplanKeyfile,
            NmProfilePath = "/run/NetworkManager/system-connections/netplan-eth0.nmconnection",
        }) with { NetplanFiles = ["01-network-manager-all.yaml"] };
        Assert.Equal(RendererKind.Netplan, RendererSelector.Select(facts, null).Renderer);

        var choice = PickupSelector.Select(RendererKind.Netplan, facts);
        Assert.Equal(PickupStack.None, choice.Stack);
        Assert.Contains("netplan renders for NetworkManager", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Netplan_configured_while_only_NetworkManager_runs_is_not_told_to_networkd()
    {
        var facts = HostScenarios.Facts("ubuntu22.04", Stack.NmKeyfile);
        Assert.Equal(PickupStack.None, PickupSelector.Select(RendererKind.Netplan, facts).Stack);
    }

    [Fact]
    public void Netplan_with_networkd_running_beside_NetworkManager_goes_to_networkd()
    {
        var facts = HostScenarios.Facts("ubuntu22.04", Stack.NetplanNetworkd) with { RunningDaemons = [NetworkDaemon.SystemdNetworkd, NetworkDaemon.NetworkManager] };
        Assert.Equal(PickupStack.Networkd, PickupSelector.Select(RendererKind.Netplan, facts).Stack);
    }

    [Theory]
    [InlineData(RendererKind.NetworkManager, PickupStack.NetworkManager)]
    [InlineData(RendererKind.Networkd, PickupStack.Networkd)]
    [InlineData(RendererKind.Netplan, PickupStack.Networkd)]
    [InlineData(RendererKind.Ifcfg, PickupStack.None)]
    [InlineData(RendererKind.Ifupdown, PickupStack.None)]
    [InlineData(RendererKind.Wicked, PickupStack.None)]
    [InlineData(RendererKind.None, PickupStack.None)]
    public void By_format_alone(RendererKind renderer, PickupStack expected) => Assert.Equal(expected, PickupSelector.ByFormat(renderer));
}
