using EniAgent.Core.Configuration;
using EniAgent.Core.Host;
using EniAgent.Platform.Host;
using EniAgent.Platform.Tests.Files;

namespace EniAgent.Platform.Tests.Host;

public class HostProbeTests
{
    private const string Alinux3 = "NAME=\"Alibaba Cloud Linux\"\nVERSION=\"3 (Soaring Falcon)\"\nID=\"alinux\"\nID_LIKE=\"rhel fedora centos anolis\"\nVERSION_ID=\"3\"\n";
    private const string Rhel9 = "NAME=\"Red Hat Enterprise Linux\"\nID=\"rhel\"\nID_LIKE=\"fedora\"\nVERSION_ID=\"9.4\"\n";
    private const string Centos7 = "NAME=\"CentOS Linux\"\nID=\"centos\"\nID_LIKE=\"rhel fedora\"\nVERSION_ID=\"7\"\n";
    private const string Ubuntu22 = "NAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\nID=ubuntu\nID_LIKE=debian\n";
    private const string Debian11 = "NAME=\"Debian GNU/Linux\"\nVERSION_ID=\"11\"\nID=debian\n";
    private const string Sles15 = "NAME=\"SLES\"\nVERSION_ID=\"15.5\"\nID=\"sles\"\nID_LIKE=\"suse\"\n";

    private static readonly Dictionary<string, Action<TempRoot>> Stacks = new()
    {
        ["NmIfcfg"] = HostTree.NmIfcfg,
        ["NmKeyfile"] = HostTree.NmKeyfile,
        ["NetworkScripts"] = HostTree.NetworkScripts,
        ["NetplanNetworkd"] = HostTree.NetplanNetworkd,
        ["Ifupdown"] = HostTree.Ifupdown,
        ["Wicked"] = HostTree.Wicked,
    };

    public static TheoryData<string, string, RendererKind> Hosts => new()
    {
        { Alinux3, "NmIfcfg", RendererKind.Ifcfg },
        { Rhel9, "NmKeyfile", RendererKind.NetworkManager },
        { Centos7, "NetworkScripts", RendererKind.Ifcfg },
        { Ubuntu22, "NetplanNetworkd", RendererKind.Netplan },
        { Debian11, "Ifupdown", RendererKind.Ifupdown },
        { Sles15, "Wicked", RendererKind.Wicked },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Probe_then_select_end_to_end(string osRelease, string stack, RendererKind expected)
    {
        using var root = new TempRoot();
        HostTree.Base(root, osRelease);
        Stacks[stack](root);

        var facts = new HostProbe(root.Paths).Probe();

        Assert.Equal("eth0", facts.Primary?.Name);
        Assert.Equal(2, facts.Primary?.IfIndex);
        Assert.Equal(expected, RendererSelector.Select(facts, null).Renderer);
        Assert.False(facts.Container.Verdict().IsContainer);
    }

    [Fact]
    public void NetworkManager_with_ifcfg_rh_facts()
    {
        using var root = new TempRoot();
        HostTree.Base(root, Alinux3);
        HostTree.NmIfcfg(root);

        var facts = new HostProbe(root.Paths).Probe();

        Assert.Equal("alinux", facts.OsRelease?.Id);
        Assert.Equal([NetworkDaemon.NetworkManager], facts.RunningDaemons);
        Assert.True(facts.NetworkScriptsDir);
        Assert.False(facts.SuseNetworkDir);
        Assert.True(facts.NetworkManagerBinary && facts.NetworkManagerDir && facts.IfupBinary);
        Assert.Null(facts.NmPlugins);
        Assert.True(facts.NmIfcfgRhPluginInstalled);
        Assert.True(facts.NmReadsIfcfg);
        var p = facts.Primary!;
        Assert.True(p.NmDeviceManaged);
        Assert.Equal(HostTree.Uuid, p.NmConnectionUuid);
        Assert.Equal(NmProfileFormat.Ifcfg, p.NmProfile);
        Assert.Equal("/etc/sysconfig/network-scripts/ifcfg-eth0", p.NmProfilePath);
        Assert.True(p.NetworkScriptsIfcfg);
    }

    [Fact]
    public void Networkd_and_netplan_facts()
    {
        using var root = new TempRoot();
        HostTree.Base(root, Ubuntu22);
        HostTree.NetplanNetworkd(root);

        var facts = new HostProbe(root.Paths).Probe();

        Assert.Equal([NetworkDaemon.SystemdNetworkd], facts.RunningDaemons);
        Assert.Equal(["50-cloud-init.yaml"], facts.NetplanFiles);
        Assert.True(facts.NetplanBinary && facts.NetworkdDir);
        Assert.Equal("configured", facts.Primary!.NetworkdAdminState);
        Assert.Equal("/run/systemd/network/10-netplan-eth0.network", facts.Primary.NetworkdNetworkFile);
        Assert.True(facts.Primary.NetplanMentions);
    }

    [Fact]
    public void Ifupdown_and_wicked_facts()
    {
        using var root = new TempRoot();
        HostTree.Base(root, Debian11);
        HostTree.Ifupdown(root);
        HostTree.Wicked(root);

        var facts = new HostProbe(root.Paths).Probe();

        Assert.True(facts.Primary!.IfupdownUp);
        Assert.True(facts.Primary.IfupdownStanza);
        Assert.True(facts.Primary.SuseIfcfg);
        Assert.True(facts.SuseNetworkDir && facts.WickedBinary && facts.IfupdownInterfaces);
        Assert.Equal([NetworkDaemon.Wicked], facts.RunningDaemons);
    }

    [Fact]
    public void Netplan_generated_NetworkManager_profile_is_recognised()
    {
        using var root = new TempRoot();
        HostTree.Base(root, Ubuntu22);
        root.Write("/proc/612/comm", "NetworkManager\n");
        root.Write("/run/NetworkManager/devices/2", $"[device]\nmanaged=true\nconnection-uuid={HostTree.Uuid}\n");
        root.Write("/run/NetworkManager/system-connections/netplan-eth0.nmconnection", $"[connection]\nid=netplan-eth0\nuuid={HostTree.Uuid}\n");
        root.Write("/etc/netplan/01-network-manager-all.yaml", "network:\n  version: 2\n  renderer: NetworkManager\n");

        var facts = new HostProbe(root.Paths).Probe();

        Assert.Equal(NmProfileFormat.NetplanKeyfile, facts.Primary!.NmProfile);
        Assert.Equal(RendererKind.Netplan, RendererSelector.Select(facts, null).Renderer);
    }

    [Fact]
    public void Nm_plugins_merge_conf_d_snippets_in_order()
    {
        using var root = new TempRoot();
        HostTree.Base(root, Rhel9);
        root.Write("/etc/NetworkManager/NetworkManager.conf", "[main]\nplugins=keyfile\n");
        root.Write("/usr/lib/NetworkManager/conf.d/00-server.conf", "[main]\nplugins+=ifcfg-rh\n");
        root.Write("/etc/NetworkManager/conf.d/99-local.conf", "[main]\nplugins-=keyfile\n[device]\nplugins=ignored\n");

        Assert.Equal(["ifcfg-rh"], new HostProbe(root.Paths).Probe().NmPlugins);
    }

    [Fact]
    public void Os_release_falls_back_to_usr_lib_then_redhat_release_and_follows_links_inside_the_root()
    {
        using var root = new TempRoot();
        root.Write("/etc/redhat-release", "CentOS release 6.10 (Final)\n");
        Assert.Equal(OsReleaseSource.RedhatRelease, new HostProbe(root.Paths).Probe().OsRelease?.Source);

        root.Write("/usr/lib/os-release", Ubuntu22);
        Assert.Equal(OsReleaseSource.UsrLibOsRelease, new HostProbe(root.Paths).Probe().OsRelease?.Source);

        // /etc/os-release -> /usr/lib/os-release, absolute: must resolve under the root, not on this machine.
        File.CreateSymbolicLink(root.Paths.Resolve("/etc/os-release"), "/usr/lib/os-release");
        var os = new HostProbe(root.Paths).Probe().OsRelease!;
        Assert.Equal(("ubuntu", OsReleaseSource.EtcOsRelease), (os.Id, os.Source));
    }

    [Fact]
    public void Explicit_primary_interface_and_missing_default_route()
    {
        using var root = new TempRoot();
        root.Write("/sys/class/net/ens5/ifindex", "3\n");
        var probe = new HostProbe(root.Paths);
        Assert.Null(probe.Probe().Primary);
        Assert.Equal(("ens5", 3), (probe.Probe("ens5").Primary!.Name, probe.Probe("ens5").Primary!.IfIndex));
    }

    [Fact]
    public void Nm_controlled_is_read_from_the_primarys_ifcfg()
    {
        using var root = new TempRoot();
        HostTree.Base(root, Centos7);
        root.Write("/etc/sysconfig/network-scripts/ifcfg-eth0", "DEVICE=eth0\nNM_CONTROLLED=\"NO\"\n");
        Assert.Equal("no", new HostProbe(root.Paths).Probe().Primary!.IfcfgNmControlled);
    }

    [Fact]
    public void Container_hints_are_read_under_the_root()
    {
        using var root = new TempRoot();
        root.Write("/.dockerenv", string.Empty);
        root.Write("/run/.containerenv", string.Empty);
        root.Write("/proc/1/environ", "PATH=/usr/bin\0container=podman\0HOME=/\0");
        root.Write("/run/systemd/container", "podman\n");
        root.Write("/proc/1/cgroup", "0::/machine.slice/libpod-abc.scope\n");

        var container = new HostProbe(root.Paths).Probe().Container;

        Assert.True(container.DockerEnv && container.ContainerEnv);
        Assert.Equal("podman", container.Pid1Container);
        Assert.Equal("podman", container.SystemdContainer);
        var verdict = container.Verdict();
        Assert.True(verdict.IsContainer);
        Assert.Contains("cgroup mentions 'libpod'", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_root_probes_without_errors()
    {
        using var root = new TempRoot();
        var facts = new HostProbe(root.Paths).Probe();
        Assert.Equal(new HostFacts(), facts);
        Assert.Equal(RendererKind.None, RendererSelector.Select(facts, null).Renderer);
    }
}
