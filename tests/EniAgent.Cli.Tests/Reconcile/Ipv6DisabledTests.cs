using System.Net;
using System.Net.Sockets;
using EniAgent.Cli.Tests.Commands;
using EniAgent.TestKit.Topology;
using static EniAgent.Cli.Tests.Reconcile.Expect;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>
/// field.md §5.9: a host (or one link) with IPv6 disabled. An ENI whose metadata lists IPv6 gets its IPv4 alone, on purpose:
/// exit 0, one warning, nothing IPv6 attempted or persisted; once IPv6 is enabled again the next reconcile adds it.
/// </summary>
public sealed class Ipv6DisabledTests
{
    private const string NetworkFile = "/etc/systemd/network/10-eniagent-{0}.network";

    [RootFact]
    public async Task Ipv6_off_for_the_whole_host_skips_it_with_a_warning_and_comes_back_when_enabled()
    {
        await using var topology = await EcsTopologyBuilder.Typical(1).BuildAsync();
        var eth1 = topology.Eni("eth1");
        await topology.WriteRootFileAsync("/etc/eniagent/eniagent.yaml", "persist:\n  renderer: networkd\n");
        Sysctl.Set(topology.Guest, ("net.ipv6.conf.all.disable_ipv6", "1"), ("net.ipv6.conf.default.disable_ipv6", "1"));

        var report = ReconcileReport.Parse(Ok(await topology.RunAgentAsync("reconcile", "--json")).StandardOutput);

        AssertSkipped(report, eth1);
        Assert.DoesNotContain(report.Changes, MentionsIpv6);
        Assert.Empty(Ipv6Owned(topology));
        Assert.False(MentionsIpv6(await PersistedAsync(topology, "eth1")), "IPv6 persisted for eth1");
        await LeavesGuestThroughAsync(topology, topology.Internet, eth1.PrimaryIp, null, "eth1");
        var status = Ok(await topology.RunAgentAsync("status")).StandardOutput;
        Assert.Contains("CONFIGURED", status, StringComparison.Ordinal);
        Assert.Contains("IPv6 skipped: IPv6 is disabled on eth1", status, StringComparison.Ordinal);
        Assert.Empty(ReconcileReport.Parse(Ok(await topology.RunAgentAsync("reconcile", "--json")).StandardOutput).Changes);

        Sysctl.Set(topology.Guest, ("net.ipv6.conf.all.disable_ipv6", "0"), ("net.ipv6.conf.default.disable_ipv6", "0"));
        var again = ReconcileReport.Parse(Ok(await topology.RunAgentAsync("reconcile", "--json")).StandardOutput);

        Assert.Empty(again.Warnings);
        Assert.Contains(eth1.Ipv6s[0].ToString(), GuestRouting.AddressesOn(topology, "eth1"));
        Assert.NotEmpty(Ipv6Owned(topology));
        Assert.Contains(eth1.Ipv6s[0].ToString(), await PersistedAsync(topology, "eth1"), StringComparison.Ordinal);
        await LeavesGuestThroughAsync(topology, topology.Internet, eth1.Ipv6s[0], null, "eth1");
    }

    [RootFact]
    public async Task Ipv6_off_on_one_link_skips_only_that_eni()
    {
        await using var topology = await EcsTopologyBuilder.Typical(2).BuildAsync();
        var (eth1, eth2) = (topology.Eni("eth1"), topology.Eni("eth2"));
        await topology.WriteRootFileAsync("/etc/eniagent/eniagent.yaml", "persist:\n  renderer: networkd\n");
        Sysctl.Set(topology.Guest, ("net.ipv6.conf.eth1.disable_ipv6", "1"));

        var report = ReconcileReport.Parse(Ok(await topology.RunAgentAsync("reconcile", "--json")).StandardOutput);

        AssertSkipped(report, eth1);
        Assert.Equal("managed", report.Of("eth2").Reason);
        Assert.False(MentionsIpv6(await PersistedAsync(topology, "eth1")), "IPv6 persisted for eth1");
        Assert.DoesNotContain(report.Changes, c => c.Contains(eth1.Ipv6s[0].ToString(), StringComparison.Ordinal));
        Assert.Contains(eth2.Ipv6s[0].ToString(), await PersistedAsync(topology, "eth2"), StringComparison.Ordinal);
        Assert.DoesNotContain(KernelReader.Rules(topology.Guest, AddressFamily.InterNetworkV6), r => r.Source == eth1.Ipv6s[0].ToString());
        await LeavesGuestThroughAsync(topology, topology.Internet, eth1.PrimaryIp, null, "eth1");
        await LeavesGuestThroughAsync(topology, topology.Internet, eth2.Ipv6s[0], null, "eth2");

        Sysctl.Set(topology.Guest, ("net.ipv6.conf.eth1.disable_ipv6", "0"));
        Ok(await topology.RunAgentAsync("reconcile"));

        Assert.Contains(KernelReader.Rules(topology.Guest, AddressFamily.InterNetworkV6), r => r.Source == eth1.Ipv6s[0].ToString() && r.Protocol == "201");
        await LeavesGuestThroughAsync(topology, topology.Internet, eth1.Ipv6s[0], null, "eth1");
        await LeavesGuestThroughAsync(topology, topology.Internet, eth2.Ipv6s[0], null, "eth2");
    }

    [RootFact]
    public async Task A_link_the_kernel_gives_no_ipv6_at_all_is_skipped_the_same_way()
    {
        await using var topology = await EcsTopologyBuilder.Typical(1).BuildAsync();
        var eth1 = topology.Eni("eth1");
        // Below IPv6's minimum MTU the kernel detaches IPv6 from the link, as ipv6.disable=1 does for every link.
        topology.Guest.Ip("link", "set", "eth1", "mtu", "1279");

        var report = ReconcileReport.Parse(Ok(await topology.RunAgentAsync("reconcile", "--json")).StandardOutput);

        Assert.Equal(0, report.ExitCode);
        Assert.Contains("the kernel has no IPv6 on eth1", Assert.Single(report.Warnings), StringComparison.Ordinal);
        Assert.DoesNotContain(report.Changes, MentionsIpv6);
        Assert.Empty(Ipv6Owned(topology));
        await LeavesGuestThroughAsync(topology, topology.Internet, eth1.PrimaryIp, null, "eth1");
    }

    private static void AssertSkipped(ReconcileReport report, TopologyEni eni)
    {
        Assert.Equal(0, report.ExitCode);
        var warning = Assert.Single(report.Warnings);
        Assert.StartsWith($"{eni.EniId} ({eni.Name}): IPv6 skipped, IPv4 configured", warning, StringComparison.Ordinal);
        Assert.Contains($"sysctl -w net.ipv6.conf.{eni.Name}.disable_ipv6=0", warning, StringComparison.Ordinal);
        Assert.StartsWith("managed; IPv6 skipped", report.Of(eni.Name).Reason, StringComparison.Ordinal);
    }

    /// <summary>Whether any word of <paramref name="text"/> (a plan line, a file) is an IPv6 address or prefix, or the networkd family word.</summary>
    private static bool MentionsIpv6(string text) =>
        text.Split([' ', '\n', '=', ','], StringSplitOptions.RemoveEmptyEntries)
            .Any(word => word == "ipv6" || (IPAddress.TryParse(word.Split('/')[0], out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6));

    private static List<string> Ipv6Owned(EcsTopology topology) =>
    [
        .. KernelReader.Rules(topology.Guest, AddressFamily.InterNetworkV6).Where(r => r.Protocol == "201").Select(r => r.ToString()),
        .. KernelReader.Routes(topology.Guest, AddressFamily.InterNetworkV6).Where(r => r.Protocol == "201").Select(r => r.ToString()),
    ];

    private static Task<string> PersistedAsync(EcsTopology topology, string link) =>
        File.ReadAllTextAsync(topology.RootPath(string.Format(System.Globalization.CultureInfo.InvariantCulture, NetworkFile, link)));
}
