using System.Net;
using System.Net.Sockets;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;
using static EniAgent.Core.Tests.Desired.Fixtures;

namespace EniAgent.Core.Tests.Desired;

public sealed class DesiredStateBuilderTests
{
    private static readonly AgentOptions Options = new();

    private static readonly LinkSnapshot[] Links = [Link(2, "eth0", PrimaryMac), Link(3, "eth1", SecondaryMac(1)), Link(4, "eth2", SecondaryMac(2))];

    [Fact]
    public void Primary_is_left_alone_by_default()
    {
        var state = DesiredStateBuilder.Build(Snapshot(Secondary(1)), Links, Options, new Dictionary<string, int> { ["eni-second00000000001"] = 0 });

        Assert.DoesNotContain(state.Enis, e => e.Role == EniRole.Primary);
        Assert.Contains(state.Decisions, d => d.Role == EniRole.Primary && d.Disposition == EniDisposition.Primary);
    }

    [Fact]
    public void Primary_opt_in_adds_only_its_secondary_ips()
    {
        var state = DesiredStateBuilder.Build(Snapshot(), Links, Options with { ManagePrimarySecondaryIps = true }, new Dictionary<string, int>());

        var primary = Assert.Single(state.Enis);
        var address = Assert.Single(primary.Addresses);
        Assert.Equal(IPAddress.Parse("192.168.1.11"), address.Address.Address);
        Assert.Empty(primary.Routes);
        Assert.Empty(primary.Rules);
        Assert.Empty(state.SharedRules);
    }

    [Fact]
    public void Secondary_gets_table_routes_and_layered_rules()
    {
        var state = DesiredStateBuilder.Build(Snapshot(Secondary(1, extraIps: 1)), Links, Options, new Dictionary<string, int> { ["eni-second00000000001"] = 3 });

        var eni = Assert.Single(state.Enis);
        Assert.Equal(31003u, eni.Table);
        Assert.Equal("eth1", eni.InterfaceName);
        Assert.All(eni.Addresses, a => Assert.Equal(AddressFlags.NoPrefixRoute, a.Flags));
        Assert.Equal(["192.168.2.10/24", "192.168.2.11/24"], eni.Addresses.Select(a => a.Address.ToString()));
        Assert.Equal(
            ["192.168.2.0/24 table 31003", "192.168.1.0/24 via 192.168.2.253 table 31003", "default via 192.168.2.253 table 31003"],
            eni.Routes.Select(r => r.ToString().Replace(" src 192.168.2.10", string.Empty, StringComparison.Ordinal)));
        Assert.Contains(eni.Rules, r => r is { Priority: 31003, SuppressPrefixLength: 0 } && r.From!.Value.ToString() == "192.168.2.11/32");
        Assert.Contains(eni.Rules, r => r is { Priority: 31254, SuppressPrefixLength: null } && r.From!.Value.ToString() == "192.168.2.11/32");
        Assert.Equal(new RuleSpec(AddressFamily.InterNetwork, 31250, null, 254, 0), Assert.Single(state.SharedRules));
    }

    [Fact]
    public void Ipv6_adds_addresses_routes_rules_and_a_v6_suppress_rule()
    {
        var state = DesiredStateBuilder.Build(Snapshot(Secondary(1, ipv6: true)), Links, Options, new Dictionary<string, int> { ["eni-second00000000001"] = 0 });

        var eni = Assert.Single(state.Enis);
        Assert.Contains(eni.Addresses, a => a.Address.ToString() == "2408:4005:325:a204::1/64" && a.Flags.HasFlag(AddressFlags.NoDad));
        Assert.Contains(eni.Routes, r => r.Family == AddressFamily.InterNetworkV6 && r.Destination.PrefixLength == 0);
        Assert.Contains(state.SharedRules, r => r.Family == AddressFamily.InterNetworkV6);
    }

    [Fact]
    public void Ipv6_off_ignores_v6()
    {
        var state = DesiredStateBuilder.Build(Snapshot(Secondary(1, ipv6: true)), Links, Options with { Ipv6 = false }, new Dictionary<string, int> { ["eni-second00000000001"] = 0 });

        Assert.DoesNotContain(state.Enis.Single().Addresses, a => a.Address.Family == AddressFamily.InterNetworkV6);
        Assert.Single(state.SharedRules);
    }

    [Theory]
    [InlineData("eth1")]
    [InlineData("eni-second00000000001")]
    [InlineData("00:16:3E:00:01:01")]
    public void Excluded_by_name_id_or_mac(string entry)
    {
        var state = DesiredStateBuilder.Build(Snapshot(Secondary(1)), Links, Options with { Exclude = [entry] }, new Dictionary<string, int> { ["eni-second00000000001"] = 0 });

        Assert.Empty(state.Enis);
        Assert.Contains(state.Decisions, d => d.Disposition == EniDisposition.Excluded && d.Reason.Contains(entry, StringComparison.Ordinal));
    }

    [Fact]
    public void Link_absent_is_pending_and_missing_slot_is_reported()
    {
        var state = DesiredStateBuilder.Build(Snapshot(Secondary(1), Secondary(5)), Links, Options, new Dictionary<string, int> { ["eni-second00000000005"] = 1 });

        Assert.Contains(state.Decisions, d => d.EniId == "eni-second00000000005" && d.Disposition == EniDisposition.Pending);
        Assert.Contains(state.Decisions, d => d.EniId == "eni-second00000000001" && d.Disposition == EniDisposition.NoSlot);
    }

    [Fact]
    public void Same_inputs_give_equal_states()
    {
        var slots = new Dictionary<string, int> { ["eni-second00000000001"] = 0 };
        Assert.Equal(
            DesiredStateBuilder.Build(Snapshot(Secondary(1, 3, true)), Links, Options, slots),
            DesiredStateBuilder.Build(Snapshot(Secondary(1, 3, true)), Links, Options, slots));
    }
}
