using System.Net;
using System.Net.Sockets;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;
using EniAgent.Core.Metadata;
using static EniAgent.Core.Tests.Desired.Fixtures;

namespace EniAgent.Core.Tests.Desired;

/// <summary>An ENI with IPv6 in metadata on a link that cannot carry IPv6: its IPv4 alone, on purpose, with one warning.</summary>
public sealed class Ipv6SkipTests
{
    private static readonly AgentOptions Options = new();
    private static readonly Dictionary<string, int> Slots = new() { ["eni-second00000000001"] = 0, ["eni-second00000000002"] = 1 };

    [Theory]
    [InlineData(Ipv6LinkState.Disabled)]
    [InlineData(Ipv6LinkState.Unavailable)]
    public void A_link_without_ipv6_gets_the_enis_ipv4_only_and_the_decision_says_why(Ipv6LinkState linkState)
    {
        var state = Build(linkState, Ipv6LinkState.Enabled, Secondary(1, extraIps: 1, ipv6: true));

        var eni = Assert.Single(state.Enis);
        Assert.Equal(["192.168.2.10/24", "192.168.2.11/24"], eni.Addresses.Select(a => a.Address.ToString()));
        Assert.All(eni.Routes, r => Assert.Equal(AddressFamily.InterNetwork, r.Family));
        Assert.All(eni.Rules, r => Assert.Equal(AddressFamily.InterNetwork, r.Family));
        Assert.Equal(4, eni.Rules.Count);
        Assert.Equal(AddressFamily.InterNetwork, Assert.Single(state.SharedRules).Family);

        var decision = state.Decisions.Single(d => d.EniId == eni.EniId);
        Assert.Equal(EniDisposition.Managed, decision.Disposition);
        Assert.Equal(new Ipv6Skip(linkState, "eth1", 1), decision.Ipv6Skipped);
        Assert.Equal($"managed; IPv6 skipped: {decision.Ipv6Skipped!.Why}", decision.Reason);
    }

    [Fact]
    public void The_warning_names_the_eni_the_link_the_cause_and_both_ways_out()
    {
        var disabled = new Ipv6Skip(Ipv6LinkState.Disabled, "eth1", 2).Warning("eni-second00000000001");
        var unavailable = new Ipv6Skip(Ipv6LinkState.Unavailable, "eth1", 1).Warning("eni-second00000000001");

        Assert.Equal(
            "eni-second00000000001 (eth1): IPv6 skipped, IPv4 configured: metadata lists 2 IPv6 address(es)/prefix(es) but IPv6 is disabled on eth1 "
            + "(net.ipv6.conf.eth1.disable_ipv6 = 1); enable it (sysctl -w net.ipv6.conf.eth1.disable_ipv6=0) and the next reconcile adds it; "
            + "or set 'ipv6: false' in the configuration to skip IPv6 without this warning",
            disabled);
        Assert.Contains("the kernel has no IPv6 on eth1 (booted with ipv6.disable=1, or an MTU below 1280)", unavailable, StringComparison.Ordinal);
        Assert.Contains("'ipv6: false'", unavailable, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_link_without_ipv6_is_affected()
    {
        var state = Build(Ipv6LinkState.Disabled, Ipv6LinkState.Enabled, Secondary(1, ipv6: true), Secondary(2, ipv6: true));

        var eth1 = state.Enis.Single(e => e.InterfaceName == "eth1");
        var eth2 = state.Enis.Single(e => e.InterfaceName == "eth2");
        Assert.DoesNotContain(eth1.Addresses, a => a.Address.Family == AddressFamily.InterNetworkV6);
        Assert.Contains(eth2.Addresses, a => a.Address.Family == AddressFamily.InterNetworkV6);
        Assert.Contains(eth2.Rules, r => r.Family == AddressFamily.InterNetworkV6);
        Assert.Contains(state.SharedRules, r => r.Family == AddressFamily.InterNetworkV6);
        Assert.Null(state.Decisions.Single(d => d.InterfaceName == "eth2").Ipv6Skipped);
    }

    [Fact]
    public void Delegated_ipv6_prefixes_alone_are_skipped_too()
    {
        var prefixOnly = Secondary(1) with { Ipv6Prefixes = [IPNetwork.Parse("2408:4005:325:a204:1::/80")] };

        var state = Build(Ipv6LinkState.Disabled, Ipv6LinkState.Enabled, prefixOnly);

        Assert.DoesNotContain(state.Enis.Single().Rules, r => r.Family == AddressFamily.InterNetworkV6);
        Assert.Equal(1, state.Decisions.Single(d => d.InterfaceName == "eth1").Ipv6Skipped!.Listed);
    }

    [Theory]
    [InlineData(Ipv6LinkState.Enabled)]
    [InlineData(Ipv6LinkState.Unknown)]
    public void A_link_with_ipv6_or_not_read_from_a_kernel_gets_it(Ipv6LinkState linkState)
    {
        var state = Build(linkState, Ipv6LinkState.Enabled, Secondary(1, ipv6: true));

        Assert.Contains(state.Enis.Single().Addresses, a => a.Address.Family == AddressFamily.InterNetworkV6);
        Assert.All(state.Decisions, d => Assert.Null(d.Ipv6Skipped));
    }

    [Fact]
    public void Nothing_to_skip_without_ipv6_in_metadata_with_ipv6_false_or_before_the_link_exists()
    {
        Assert.All(Build(Ipv6LinkState.Disabled, Ipv6LinkState.Enabled, Secondary(1)).Decisions, d => Assert.Null(d.Ipv6Skipped));

        var off = DesiredStateBuilder.Build(Snapshot(Secondary(1, ipv6: true)), Links(Ipv6LinkState.Disabled, Ipv6LinkState.Enabled), Options with { Ipv6 = false }, Slots);
        Assert.All(off.Decisions, d => Assert.Null(d.Ipv6Skipped));
        Assert.Equal("managed", off.Decisions.Single(d => d.InterfaceName == "eth1").Reason);

        var pending = DesiredStateBuilder.Build(Snapshot(Secondary(1, ipv6: true)), [Link(2, "eth0", PrimaryMac)], Options, Slots);
        Assert.Equal(EniDisposition.Pending, pending.Decisions.Single(d => d.EniId == "eni-second00000000001").Disposition);
        Assert.All(pending.Decisions, d => Assert.Null(d.Ipv6Skipped));
    }

    private static DesiredState Build(Ipv6LinkState eth1, Ipv6LinkState eth2, params EniMetadata[] secondaries) =>
        DesiredStateBuilder.Build(Snapshot(secondaries), Links(eth1, eth2), Options, Slots);

    private static LinkSnapshot[] Links(Ipv6LinkState eth1, Ipv6LinkState eth2) =>
    [
        Link(2, "eth0", PrimaryMac) with { Ipv6 = Ipv6LinkState.Enabled },
        Link(3, "eth1", SecondaryMac(1)) with { Ipv6 = eth1 },
        Link(4, "eth2", SecondaryMac(2)) with { Ipv6 = eth2 },
    ];
}
