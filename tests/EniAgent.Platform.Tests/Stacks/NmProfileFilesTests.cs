using EniAgent.Platform.Stacks;

namespace EniAgent.Platform.Tests.Stacks;

public sealed class NmProfileFilesTests
{
    private const string Dir = "/etc/sysconfig/network-scripts";

    private static StackFileChange Change(string path, bool removed = false, string? name = "eth1") => new(path, removed, "# content", name);

    [Fact]
    public void Ifcfg_companions_reload_their_ifcfg_file_once()
    {
        var profiles = NmProfileFiles.Of([Change($"{Dir}/route-eth1"), Change($"{Dir}/ifcfg-eth1"), Change($"{Dir}/route6-eth1"), Change($"{Dir}/rule-eth2", name: "eth2")]);

        Assert.Equal([$"{Dir}/ifcfg-eth1", $"{Dir}/ifcfg-eth2"], profiles.Select(p => p.Path));
        Assert.All(profiles, p => Assert.False(p.Removed));
        Assert.Equal(["eth1", "eth2"], profiles.Select(p => p.InterfaceName));
    }

    [Fact]
    public void Only_a_removed_ifcfg_file_removes_the_profile()
    {
        Assert.False(Assert.Single(NmProfileFiles.Of([Change($"{Dir}/route-eth1", removed: true)])).Removed);
        Assert.True(Assert.Single(NmProfileFiles.Of([Change($"{Dir}/route-eth1", removed: true), Change($"{Dir}/ifcfg-eth1", removed: true)])).Removed);
    }

    [Fact]
    public void Keyfiles_are_their_own_profile_and_other_formats_are_not_NetworkManagers()
    {
        var profiles = NmProfileFiles.Of([
            Change("/etc/NetworkManager/system-connections/eniagent-eth1.nmconnection"),
            Change("/etc/systemd/network/10-eniagent-eth1.network"),
            Change("/etc/sysconfig/network/ifcfg-eth1"),
            Change($"{Dir}/route-"),
        ]);

        Assert.Equal(["/etc/NetworkManager/system-connections/eniagent-eth1.nmconnection"], profiles.Select(p => p.Path));
    }
}
