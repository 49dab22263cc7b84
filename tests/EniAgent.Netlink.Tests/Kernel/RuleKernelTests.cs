using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace EniAgent.Netlink.Tests.Kernel;

public sealed class RuleKernelTests : NamespaceTest
{
    private const NetlinkRouteProtocol Agent = (NetlinkRouteProtocol)201;

    private static readonly NetlinkRule[] Rules =
    [
        new() { Family = AddressFamily.InterNetwork, Priority = 100, Source = IPNetwork.Parse("10.0.0.5/32"), Table = 31000, Protocol = Agent },
        new() { Family = AddressFamily.InterNetwork, Priority = 101, Table = NetlinkRouteTable.Main, SuppressPrefixLength = 0, Protocol = Agent },
        new() { Family = AddressFamily.InterNetwork, Priority = 102, Destination = IPNetwork.Parse("192.168.0.0/16"), InputInterface = "ve0", FirewallMark = 7, FirewallMask = 0xff, Table = 31001, Protocol = Agent },
        new() { Family = AddressFamily.InterNetworkV6, Priority = 100, Source = IPNetwork.Parse("2001:db8::5/128"), Table = 31000, Protocol = Agent },
    ];

    [Fact]
    public async Task Reads_back_added_rules_as_ip_rule_shows_them()
    {
        foreach (var rule in Rules)
        {
            await Connection.AddRuleAsync(rule, Timeout);
        }

        var dumped = (await Connection.GetRulesAsync(cancellationToken: Timeout)).Where(r => r.Protocol == Agent).ToList();
        Assert.Equal(Rules.OrderBy(r => r.Family).ThenBy(r => r.Priority), dumped.OrderBy(r => r.Family).ThenBy(r => r.Priority));

        var shown4 = ByPriority(Ns.IpJson("-4", "rule"));
        Assert.Equal("10.0.0.5", shown4[100].GetProperty("src").GetString());
        Assert.Equal("31000", shown4[100].GetProperty("table").GetString());
        Assert.Equal("201", shown4[100].GetProperty("protocol").GetString());
        Assert.Equal(0, shown4[101].GetProperty("suppress_prefixlen").GetInt32());
        Assert.Equal("main", shown4[101].GetProperty("table").GetString());
        Assert.Equal("ve0", shown4[102].GetProperty("iif").GetString());
        Assert.Equal(16, shown4[102].GetProperty("dstlen").GetInt32());
        var shown6 = ByPriority(Ns.IpJson("-6", "rule"));
        Assert.Equal("2001:db8::5", shown6[100].GetProperty("src").GetString());

        // The kernel's own rules are there too, of both families.
        var all = await Connection.GetRulesAsync(cancellationToken: Timeout);
        Assert.Contains(all, r => r is { Family: AddressFamily.InterNetwork, Priority: 32766, Table: NetlinkRouteTable.Main });
        Assert.Contains(all, r => r is { Family: AddressFamily.InterNetworkV6, Priority: 0, Table: NetlinkRouteTable.Local });
    }

    [Fact]
    public async Task Deletes_only_an_exact_match()
    {
        var rule = Rules[0];
        await Connection.AddRuleAsync(rule, Timeout);

        var exists = await Assert.ThrowsAsync<NetlinkException>(() => Connection.AddRuleAsync(rule, Timeout));
        Assert.Equal(Errno.EEXIST, exists.Errno);

        var otherOwner = await Assert.ThrowsAsync<NetlinkException>(() => Connection.DeleteRuleAsync(rule with { Protocol = NetlinkRouteProtocol.Static }, Timeout));
        Assert.Equal(Errno.ENOENT, otherOwner.Errno);
        Assert.StartsWith("delete rule priority 100 from 10.0.0.5/32 lookup 31000 proto 4: ENOENT", otherOwner.Message, StringComparison.Ordinal);
        var otherTable = await Assert.ThrowsAsync<NetlinkException>(() => Connection.DeleteRuleAsync(rule with { Table = 31001 }, Timeout));
        Assert.Equal(Errno.ENOENT, otherTable.Errno);
        Assert.Contains(await Connection.GetRulesAsync(AddressFamily.InterNetwork, Timeout), r => r == rule);

        await Connection.DeleteRuleAsync(rule, Timeout);
        Assert.DoesNotContain(await Connection.GetRulesAsync(AddressFamily.InterNetwork, Timeout), r => r == rule);
    }

    [Fact]
    public async Task A_batch_of_50_rules_reports_each_result()
    {
        var rules = Enumerable.Range(0, 50).Select(i => new NetlinkRule
        {
            Family = AddressFamily.InterNetwork,
            Priority = (uint)(1000 + i),
            Source = new IPNetwork(new IPAddress([10, 1, (byte)i, 5]), 32),
            Table = (uint)(31000 + i),
            Protocol = Agent,
        }).ToList();
        await Connection.AddRuleAsync(rules[7], Timeout); // this one will collide

        var results = await Connection.ExecuteAsync(rules.Select(NetlinkRequest.AddRule).ToList(), Timeout);

        Assert.Equal(50, results.Count);
        Assert.Equal(Enumerable.Range(0, 50).Where(i => i != 7), Enumerable.Range(0, 50).Where(i => results[i].Succeeded));
        Assert.Equal(Errno.EEXIST, results[7].Error!.Errno);
        Assert.Same(rules[7], results[7].Request.Target);
        Assert.Equal(50, (await Connection.GetRulesAsync(AddressFamily.InterNetwork, Timeout)).Count(r => r.Protocol == Agent));

        var deleted = await Connection.ExecuteAsync(rules.Select(NetlinkRequest.DeleteRule).ToList(), Timeout);
        Assert.All(deleted, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.DoesNotContain(await Connection.GetRulesAsync(cancellationToken: Timeout), r => r.Protocol == Agent);
    }

    private static Dictionary<uint, JsonElement> ByPriority(JsonElement rules) =>
        rules.EnumerateArray().ToDictionary(r => r.GetProperty("priority").GetUInt32());
}
