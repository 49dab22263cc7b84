using EniAgent.Core.Configuration;
using EniAgent.Core.Host;

namespace EniAgent.Core.Tests.Host;

/// <summary>Stock images of each distribution (os-release fixtures + the stack the image runs) → the renderer.</summary>
public class RendererSelectorTableTests
{
    public static TheoryData<string, Stack, RendererKind> Images => new()
    {
        { "alinux2", Stack.NetworkScripts, RendererKind.Ifcfg },
        { "alinux3", Stack.NmIfcfg, RendererKind.Ifcfg },
        { "anolis7", Stack.NetworkScripts, RendererKind.Ifcfg },
        { "anolis8", Stack.NmIfcfg, RendererKind.Ifcfg },
        { "centos6.redhat-release", Stack.NetworkScripts, RendererKind.Ifcfg },
        { "rhel6.redhat-release", Stack.NetworkScripts, RendererKind.Ifcfg },
        { "centos7", Stack.NetworkScripts, RendererKind.Ifcfg },
        { "centos7", Stack.NmIfcfg, RendererKind.Ifcfg },
        { "rhel7", Stack.NetworkScripts, RendererKind.Ifcfg },
        { "centos8", Stack.NmIfcfg, RendererKind.Ifcfg },
        { "rhel8", Stack.NmIfcfg, RendererKind.Ifcfg },
        { "rocky8", Stack.NmIfcfg, RendererKind.Ifcfg },
        { "alma8", Stack.NmIfcfg, RendererKind.Ifcfg },
        { "rhel9", Stack.NmKeyfile, RendererKind.NetworkManager },
        { "rocky9", Stack.NmKeyfile, RendererKind.NetworkManager },
        { "alma9", Stack.NmKeyfile, RendererKind.NetworkManager },
        { "fedora39", Stack.NmKeyfile, RendererKind.NetworkManager },
        { "rhel9", Stack.NmIfcfg, RendererKind.Ifcfg },
        { "ubuntu16.04", Stack.Ifupdown, RendererKind.Ifupdown },
        { "ubuntu18.04", Stack.NetplanNetworkd, RendererKind.Netplan },
        { "ubuntu20.04", Stack.NetplanNetworkd, RendererKind.Netplan },
        { "ubuntu22.04", Stack.NetplanNetworkd, RendererKind.Netplan },
        { "ubuntu24.04", Stack.NetplanNetworkd, RendererKind.Netplan },
        { "debian9", Stack.Ifupdown, RendererKind.Ifupdown },
        { "debian10", Stack.Ifupdown, RendererKind.Ifupdown },
        { "debian11", Stack.Ifupdown, RendererKind.Ifupdown },
        { "debian12", Stack.Ifupdown, RendererKind.Ifupdown },
        { "debian12", Stack.NetplanNetworkd, RendererKind.Netplan },
        { "sles12", Stack.Wicked, RendererKind.Wicked },
        { "sles15", Stack.Wicked, RendererKind.Wicked },
        { "opensuse-leap15", Stack.Wicked, RendererKind.Wicked },
    };

    /// <summary>With nothing running (offline root), os-release alone decides.</summary>
    public static TheoryData<string, bool, RendererKind> OsReleaseOnly => new()
    {
        { "alinux2", false, RendererKind.Ifcfg },
        { "alinux3", false, RendererKind.Ifcfg },
        { "anolis7", false, RendererKind.Ifcfg },
        { "anolis8", false, RendererKind.Ifcfg },
        { "centos6.redhat-release", false, RendererKind.Ifcfg },
        { "centos7", false, RendererKind.Ifcfg },
        { "centos8", false, RendererKind.Ifcfg },
        { "rhel7", false, RendererKind.Ifcfg },
        { "rhel8", false, RendererKind.Ifcfg },
        { "rocky8", false, RendererKind.Ifcfg },
        { "alma8", false, RendererKind.Ifcfg },
        { "rhel9", false, RendererKind.NetworkManager },
        { "rocky9", false, RendererKind.NetworkManager },
        { "alma9", false, RendererKind.NetworkManager },
        { "fedora39", false, RendererKind.NetworkManager },
        { "ubuntu16.04", false, RendererKind.Ifupdown },
        { "ubuntu18.04", true, RendererKind.Netplan },
        { "ubuntu20.04", true, RendererKind.Netplan },
        { "ubuntu22.04", false, RendererKind.Netplan },
        { "ubuntu24.04", true, RendererKind.Netplan },
        { "debian9", false, RendererKind.Ifupdown },
        { "debian10", false, RendererKind.Ifupdown },
        { "debian11", false, RendererKind.Ifupdown },
        { "debian12", false, RendererKind.Ifupdown },
        { "debian12", true, RendererKind.Netplan },
        { "sles12", false, RendererKind.Wicked },
        { "sles15", false, RendererKind.Wicked },
        { "opensuse-leap15", false, RendererKind.Wicked },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Stock_images_get_the_renderer_their_primary_uses(string fixture, Stack stack, RendererKind expected)
    {
        var selection = RendererSelector.Select(HostScenarios.Facts(fixture, stack), configured: null);
        Assert.Equal(expected, selection.Renderer);
        Assert.Contains("primary interface", HostScenarios.Decision(selection), StringComparison.Ordinal);
        Assert.Contains(selection.Verdicts, v => v.Probe == "os-release");
    }

    [Theory]
    [MemberData(nameof(OsReleaseOnly))]
    public void Offline_roots_fall_back_to_the_distribution_default(string fixture, bool netplanFiles, RendererKind expected)
    {
        var selection = RendererSelector.Select(HostScenarios.Facts(fixture, Stack.Offline, netplanFiles), configured: null);
        Assert.Equal(expected, selection.Renderer);
        Assert.Contains("os-release default", HostScenarios.Decision(selection), StringComparison.Ordinal);
    }

    [Fact]
    public void Fixtures_cover_at_least_twenty_distribution_versions()
    {
        Assert.True(Images.Select(row => (string)row[0]).Distinct().Count() >= 20);
        Assert.True(OsReleaseOnly.Select(row => (string)row[0]).Distinct().Count() >= 20);
    }
}
