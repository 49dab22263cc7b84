using EniAgent.Core.Configuration;
using EniAgent.Core.Host;

namespace EniAgent.Core.Tests.Host;

public class RendererSelectorTests
{
    [Fact]
    public void Configured_renderer_wins_and_the_probes_are_still_reported()
    {
        var facts = HostScenarios.Facts("ubuntu22.04", Stack.NetplanNetworkd);
        var selection = RendererSelector.Select(facts, RendererKind.Ifupdown);
        Assert.Equal(RendererKind.Ifupdown, selection.Renderer);
        Assert.Equal("configuration", selection.Verdicts[0].Probe);
        Assert.Contains(selection.Verdicts, v => v.Probe == "networkd-link" && v.Suggests == RendererKind.Netplan);
        Assert.DoesNotContain(selection.Verdicts, v => v.Probe == "decision");
    }

    [Fact]
    public void Configured_none_means_none()
    {
        Assert.Equal(RendererKind.None, RendererSelector.Select(HostScenarios.Facts("rhel8", Stack.NmIfcfg), RendererKind.None).Renderer);
    }

    [Fact]
    public void What_manages_the_primary_beats_the_distribution_default()
    {
        // Debian 12 without netplan files defaults to ifupdown, but networkd runs eth0 from a hand-written .network.
        var facts = HostScenarios.Facts("debian12", Stack.Offline) with
        {
            RunningDaemons = [NetworkDaemon.SystemdNetworkd],
            Primary = new PrimaryLinkFacts("eth0", 2) { NetworkdAdminState = "configured", NetworkdNetworkFile = "/etc/systemd/network/10-eth0.network" },
        };
        var selection = RendererSelector.Select(facts, null);
        Assert.Equal(RendererKind.Networkd, selection.Renderer);
        Assert.Equal(RendererKind.Ifupdown, selection.Verdicts.Single(v => v.Probe == "os-release").Suggests);
    }

    [Fact]
    public void Os_release_breaks_a_tie_between_primary_managers()
    {
        // Both NetworkManager and networkd claim eth0 (a misconfigured Ubuntu): Ubuntu's default, netplan, wins.
        var facts = HostScenarios.Facts("ubuntu22.04", Stack.NetplanNetworkd) with
        {
            RunningDaemons = [NetworkDaemon.SystemdNetworkd, NetworkDaemon.NetworkManager],
        };
        facts = facts.WithPrimary(p => p with { NmDeviceManaged = true, NmProfile = NmProfileFormat.Keyfile, NmProfilePath = "/etc/NetworkManager/system-connections/eth0.nmconnection" });
        var selection = RendererSelector.Select(facts, null);
        Assert.Equal(RendererKind.Netplan, selection.Renderer);
        Assert.Contains("os-release breaks the tie", HostScenarios.Decision(selection), StringComparison.Ordinal);
    }

    [Fact]
    public void Netplan_rendering_for_NetworkManager_is_netplan()
    {
        var facts = HostScenarios.Facts("ubuntu22.04", Stack.NmKeyfile);
        facts = facts.WithPrimary(p => p with { NmProfile = NmProfileFormat.NetplanKeyfile, NmProfilePath = "/run/NetworkManager/system-connections/netplan-eth0.nmconnection" });
        Assert.Equal(RendererKind.Netplan, RendererSelector.Select(facts, null).Renderer);
    }

    [Fact]
    public void Stale_state_of_a_stopped_daemon_is_not_evidence()
    {
        var facts = HostScenarios.Facts("centos7", Stack.NetworkScripts);
        facts = facts.WithPrimary(p => p with { NmDeviceManaged = true, NetworkdAdminState = "configured" });
        var selection = RendererSelector.Select(facts, null);
        Assert.Equal(RendererKind.Ifcfg, selection.Renderer);
        Assert.Null(selection.Verdicts.Single(v => v.Probe == "networkmanager-device").Suggests);
        Assert.Null(selection.Verdicts.Single(v => v.Probe == "networkd-link").Suggests);
    }

    [Fact]
    public void Unmanaged_in_networkd_falls_through_to_the_running_daemons()
    {
        var facts = HostScenarios.Facts("ubuntu22.04", Stack.NetplanNetworkd);
        facts = facts.WithPrimary(p => p with { NetworkdAdminState = "unmanaged" });
        var selection = RendererSelector.Select(facts, null);
        Assert.Equal(RendererKind.Netplan, selection.Renderer);
        Assert.Contains("running network daemon", HostScenarios.Decision(selection), StringComparison.Ordinal);
    }

    [Fact]
    public void Nm_with_an_unknown_profile_uses_ifcfg_when_it_reads_the_primarys_ifcfg()
    {
        var facts = HostScenarios.Facts("alinux3", Stack.NmIfcfg);
        facts = facts.WithPrimary(p => p with { NmProfile = null, NmProfilePath = null });
        Assert.Equal(RendererKind.Ifcfg, RendererSelector.Select(facts, null).Renderer);
        Assert.Equal(RendererKind.NetworkManager, RendererSelector.Select(facts with { NmPlugins = ["keyfile"] }, null).Renderer);
    }

    [Fact]
    public void Nm_controlled_no_leaves_eth0_to_network_scripts()
    {
        var facts = HostScenarios.Facts("centos7", Stack.NetworkScripts) with { RunningDaemons = [NetworkDaemon.NetworkManager] };
        facts = facts.WithPrimary(p => p with { IfcfgNmControlled = "no" });
        var selection = RendererSelector.Select(facts, null);
        Assert.Equal(RendererKind.Ifcfg, selection.Renderer);
        Assert.Contains("NM_CONTROLLED=no", selection.Verdicts.Single(v => v.Probe == "network-scripts").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_recognised_gives_none_with_a_hint()
    {
        var selection = RendererSelector.Select(new HostFacts(), null);
        Assert.Equal(RendererKind.None, selection.Renderer);
        Assert.Contains("set persist.renderer", HostScenarios.Decision(selection), StringComparison.Ordinal);
        Assert.Contains("primary interface unknown", selection.Verdicts[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_verdict_has_a_reason_and_renders_for_status()
    {
        var selection = RendererSelector.Select(HostScenarios.Facts("rhel8", Stack.NmIfcfg), null);
        Assert.All(selection.Verdicts, v => Assert.False(string.IsNullOrWhiteSpace(v.Reason)));
        Assert.Contains(selection.Verdicts, v => v.ToString().StartsWith("networkmanager-device: ifcfg: NetworkManager manages eth0", StringComparison.Ordinal));
    }
}
