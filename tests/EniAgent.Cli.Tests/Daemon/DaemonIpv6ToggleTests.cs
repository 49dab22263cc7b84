using System.Net;
using EniAgent.Cli.Tests.Daemon.Support;
using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Topology;

namespace EniAgent.Cli.Tests.Daemon;

/// <summary>
/// IPv6 turned on and off on an ENI's link (disable_ipv6) while the daemon runs: it reacts to the kernel's
/// notifications (AF_INET6 RTM_NEWLINK when IPv6 comes up, the address removals when it goes), not at the next resync.
/// </summary>
public sealed class DaemonIpv6ToggleTests
{
    private const string Ipv6 = "2408:4005:325:a202::10";

    [Fact]
    public async Task Ipv6_enabled_on_the_link_is_added_and_disabled_again_is_removed_without_a_signal()
    {
        var scenario = ScenarioBuilder.Typical(secondaries: 0).AddSecondary(
            ScenarioBuilder.Mac(2),
            IPAddress.Parse("192.168.2.10"),
            IPNetwork.Parse("192.168.2.0/24"),
            eni => eni.WithIpv6(IPNetwork.Parse("2408:4005:325:a202::/64"), IPAddress.Parse(Ipv6)));
        await using var bed = await DaemonTestBed.CreateAsync(scenario, secondariesPresent: 1);
        Sysctl.Set(bed.Instance.Guest, ("net.ipv6.conf.eth1.disable_ipv6", "1"));
        await bed.StartDaemonReadyAsync();
        await bed.WaitForAsync(() => bed.Instance.RulesFrom("192.168.2.10").Count == 2, "IPv4 rules of eth1");
        Assert.Empty(Rules6From(bed));

        Sysctl.Set(bed.Instance.Guest, ("net.ipv6.conf.eth1.disable_ipv6", "0"));
        await bed.WaitForAsync(() => Rules6From(bed).Count > 0 && Addresses6(bed).Contains(Ipv6), "IPv6 address and rules of eth1");

        Sysctl.Set(bed.Instance.Guest, ("net.ipv6.conf.eth1.disable_ipv6", "1"));
        await bed.WaitForAsync(() => Rules6From(bed).Count == 0, "IPv6 rules of eth1 removed");
        Assert.Equal(2, bed.Instance.RulesFrom("192.168.2.10").Count);
    }

    private static List<string> Rules6From(DaemonTestBed bed) =>
        [.. bed.Instance.Guest.IpJson("-6", "rule", "show").EnumerateArray()
            .Where(r => r.TryGetProperty("src", out var src) && src.GetString() == Ipv6)
            .Where(r => r.TryGetProperty("protocol", out var p) && p.GetString() is "201" or "eniagent")
            .Select(r => r.ToString())];

    private static List<string> Addresses6(DaemonTestBed bed) =>
        [.. bed.Instance.Guest.IpJson("-6", "address", "show", "dev", "eth1").EnumerateArray()
            .SelectMany(l => l.GetProperty("addr_info").EnumerateArray())
            .Select(a => a.GetProperty("local").GetString()!)];
}
