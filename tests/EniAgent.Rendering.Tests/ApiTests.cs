using EniAgent.Core.Configuration;
using EniAgent.Rendering.Text;

namespace EniAgent.Rendering.Tests;

public sealed class ApiTests
{
    [Fact]
    public void Catalog_has_one_renderer_per_kind_except_none()
    {
        Assert.Equal(Enum.GetValues<RendererKind>().Where(k => k != RendererKind.None).Order(), RendererCatalog.Kinds.Order());
        foreach (var kind in RendererCatalog.Kinds)
        {
            Assert.Equal(kind, RendererCatalog.For(kind).Kind);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => RendererCatalog.For(RendererKind.None));
        Assert.False(RendererCatalog.TryGet(RendererKind.None, out _));
    }

    [Fact]
    public void Ownership_header_is_recognised_only_on_the_first_line()
    {
        var result = RendererCatalog.For(RendererKind.Networkd).Render(Scenarios.Request("single"));
        var content = result.Files.Single().Content;
        Assert.True(OwnershipHeader.IsOwned(content));
        Assert.Equal("eni-bp1second0001", OwnershipHeader.OwnerOf(content));
        Assert.True(OwnershipHeader.IsOwned(OwnershipHeader.Shared + "\nx\n"));
        Assert.Null(OwnershipHeader.OwnerOf(OwnershipHeader.Shared + "\n"));
        Assert.False(OwnershipHeader.IsOwned("[Match]\n" + content));
        Assert.False(OwnershipHeader.IsOwned("# Managed by eniagentX\n"));
        Assert.False(OwnershipHeader.IsOwned("# Managed by cloud-init\n"));
        Assert.False(OwnershipHeader.IsOwned(string.Empty));
    }

    [Fact]
    public void Ownership_header_names_the_mac_of_an_eni_file_only()
    {
        var mac = System.Net.NetworkInformation.PhysicalAddress.Parse("00-16-3E-00-01-01");
        Assert.Equal(mac, OwnershipHeader.MacOf(OwnershipHeader.ForEni("eni-bp1second0001", mac) + "\n[Match]\n"));
        Assert.Null(OwnershipHeader.MacOf(OwnershipHeader.Shared + "\n"));
        Assert.Null(OwnershipHeader.MacOf("# written by the administrator, MAC 00:16:3e:00:01:01\n"));
        Assert.Null(OwnershipHeader.MacOf("# Managed by eniagent (ENI eni-x, MAC 00:16:3e). Changes are overwritten; remove with eniagent clean.\n"));
    }

    [Theory]
    [InlineData("/etc/systemd/network/10-eniagent-eth1.network", RendererKind.Networkd)]
    [InlineData("/etc/systemd/network/10-netplan-00-eniagent-eth1.network.d/90-eniagent.conf", RendererKind.Netplan)]
    [InlineData("/etc/netplan/90-eniagent-eth1.yaml", RendererKind.Netplan)]
    [InlineData("/etc/NetworkManager/system-connections/eniagent-eth1.nmconnection", RendererKind.NetworkManager)]
    [InlineData("/etc/sysconfig/network-scripts/ifcfg-eth1", RendererKind.None)]
    [InlineData("/etc/network/interfaces.d/eniagent-eth1", RendererKind.None)]
    [InlineData("/etc/systemd/network/eniagent-notes.txt", RendererKind.None)]
    public void Files_are_attributed_to_the_stack_that_picks_them_up(string path, RendererKind kind) =>
        Assert.Equal(kind, RendererCatalog.PickedUpBy(path));

    [Fact]
    public void Branded_names_are_recognised_by_file_name_only()
    {
        Assert.True(BrandedFile.IsBranded("/etc/netplan/90-eniagent-eth1.yaml"));
        Assert.True(BrandedFile.IsBranded("/etc/NetworkManager/system-connections/eniagent-eth1.nmconnection"));
        Assert.False(BrandedFile.IsBranded("/etc/eniagent/ifcfg-eth1"));
        Assert.False(BrandedFile.IsBranded("/etc/sysconfig/network-scripts/ifcfg-eth1"));
    }

    [Theory]
    [InlineData("source /etc/network/interfaces.d/*\n", true)]
    [InlineData("auto lo\n  source   /etc/network/interfaces.d/*  \n", true)]
    [InlineData("source interfaces.d/*\n", true)]
    [InlineData("source-directory /etc/network/interfaces.d\n", true)]
    [InlineData("source-directory interfaces.d/\n", true)]
    [InlineData("source /etc/network/interfaces.d/eniagent-*\n", true)]
    [InlineData("source /etc/network/interfaces.d/*.cfg\n", false)]
    [InlineData("#source /etc/network/interfaces.d/*\n", false)]
    [InlineData("auto eth0\niface eth0 inet dhcp\n", false)]
    [InlineData("", false)]
    public void Ifupdown_source_check_reads_the_interfaces_file(string text, bool included)
    {
        Assert.Equal(included, IfupdownSourceCheck.Includes(text, "/etc/network/interfaces.d/eniagent-eth1"));
        Assert.Equal(included, IfupdownSourceCheck.Check(text) is null);
    }

    [Fact]
    public void Uuids_are_name_based_version_5_and_stable()
    {
        var a = DeterministicUuid.Create("eniagent:eni-a").ToString();
        Assert.Equal(a, DeterministicUuid.Create("eniagent:eni-a").ToString());
        Assert.NotEqual(a, DeterministicUuid.Create("eniagent:eni-b").ToString());
        Assert.Equal('5', a[14]);
        Assert.Contains(a[19], "89ab");
    }

    [Fact]
    public void Modes_are_0600_for_netplan_and_networkmanager_and_0644_elsewhere()
    {
        foreach (var kind in RendererCatalog.Kinds)
        {
            foreach (var file in RendererCatalog.For(kind).Render(Scenarios.Request("single")).Files)
            {
                var secret = file.Path.EndsWith(".yaml", StringComparison.Ordinal) || file.Path.EndsWith(".nmconnection", StringComparison.Ordinal);
                Assert.Equal(secret ? UnixFileMode.UserRead | UnixFileMode.UserWrite : (UnixFileMode)0b110_100_100, file.Mode);
            }
        }
    }

    [Fact]
    public void Request_from_desired_state_takes_the_primary_only_when_opted_in()
    {
        var optIn = Scenarios.Request("primary-optin");
        Assert.NotNull(optIn.Primary);
        Assert.Single(optIn.Secondaries);
        Assert.Null(Scenarios.Request("single").Primary);
        Assert.Equal(201, optIn.Protocol);
        Assert.Equal(AddressingMode.Dhcp, Scenarios.Request("dhcp").Addressing);
    }
}
