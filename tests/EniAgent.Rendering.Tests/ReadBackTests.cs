using System.Net.Sockets;
using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Rendering.ShellVars;
using EniAgent.Rendering.Text;

namespace EniAgent.Rendering.Tests;

/// <summary>RHEL ifcfg and SUSE files read back with the strict parser and compared with the specs they came from.</summary>
public sealed class ReadBackTests
{
    public static TheoryData<string, IfcfgFlavor> IfcfgCases()
    {
        var data = new TheoryData<string, IfcfgFlavor>();
        foreach (var scenario in Scenarios.Names)
        {
            data.Add(scenario, IfcfgFlavor.NetworkManager);
            data.Add(scenario, IfcfgFlavor.NetworkScripts);
        }

        return data;
    }

    public static TheoryData<string> ScenarioNames() => [.. Scenarios.Names];

    [Theory]
    [MemberData(nameof(IfcfgCases))]
    public void Ifcfg_files_carry_the_spec(string scenario, IfcfgFlavor flavor)
    {
        var request = Scenarios.Request(scenario, flavor);
        var result = RendererCatalog.For(RendererKind.Ifcfg).Render(request);
        foreach (var eni in request.Secondaries)
        {
            var name = request.InterfaceNameOf(eni)!;
            var files = result.Files.Where(f => f.OwnerEniId == eni.EniId).ToDictionary(f => Path.GetFileName(f.Path), f => f.Content);
            var ifcfg = ShellVarParser.Parse(files[$"ifcfg-{name}"]);
            Assert.Equal(name, ifcfg["DEVICE"]);
            Assert.Equal(MacAddress.Format(eni.Mac), ifcfg["HWADDR"]);
            Assert.Equal("no", ifcfg["DEFROUTE"]);
            Assert.Equal(request.Addressing == AddressingMode.Dhcp ? "dhcp" : "none", ifcfg["BOOTPROTO"]);

            var v4 = ifcfg.Values.Keys.Where(k => k.StartsWith("IPADDR", StringComparison.Ordinal))
                .Select(k => $"{ifcfg[k]}/{ifcfg["PREFIX" + k["IPADDR".Length..]]}");
            var v6 = new[] { ifcfg["IPV6ADDR"] }.Concat((ifcfg["IPV6ADDR_SECONDARIES"] ?? string.Empty).Split(' ')).Where(s => !string.IsNullOrEmpty(s));
            Assert.Equal(ExpectedAddresses(request, eni), v4.Concat(v6!).Order(StringComparer.Ordinal));

            Assert.Equal(Sorted(eni.Routes), Sorted(ReadRoutes(files, name, wicked: false)));

            var rules = flavor == IfcfgFlavor.NetworkManager
                ? ifcfg.Entries.Where(e => e.Key.StartsWith("ROUTING_RULE", StringComparison.Ordinal))
                    .Select(e => IpLine.Rule(e.Value, e.Key.StartsWith("ROUTING_RULE6_", StringComparison.Ordinal) ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork))
                : ReadRules(files, $"rule-{name}", $"rule6-{name}");
            Assert.Equal(Sorted(ExpectedRules(request, eni)), Sorted(rules));
            Assert.Equal(flavor == IfcfgFlavor.NetworkScripts, files.Keys.Any(k => k.StartsWith("rule", StringComparison.Ordinal)));
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Wicked_files_carry_the_spec(string scenario)
    {
        var request = Scenarios.Request(scenario);
        var result = RendererCatalog.For(RendererKind.Wicked).Render(request);
        foreach (var eni in request.Secondaries)
        {
            var name = request.InterfaceNameOf(eni)!;
            var files = result.Files.Where(f => f.OwnerEniId == eni.EniId).ToDictionary(f => Path.GetFileName(f.Path), f => f.Content);
            var ifcfg = ShellVarParser.Parse(files[$"ifcfg-{name}"]);
            Assert.Equal("auto", ifcfg["STARTMODE"]);
            var addresses = ifcfg.Entries.Where(e => e.Key.StartsWith("IPADDR_", StringComparison.Ordinal)).Select(e => e.Value);
            Assert.Equal(ExpectedAddresses(request, eni), addresses.Order(StringComparer.Ordinal));
            Assert.Equal(Sorted(eni.Routes), Sorted(ReadRoutes(files, name, wicked: true)));
            var rules = IpLine.Lines(files[$"ifrule-{name}"])
                .Select(l => IpLine.Rule(l, l.StartsWith("ipv6", StringComparison.Ordinal) ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork));
            Assert.Equal(Sorted(ExpectedRules(request, eni)), Sorted(rules));
        }
    }

    private static IEnumerable<string> ExpectedAddresses(RenderRequest request, EniSpec eni) => eni.Addresses
        .Where(a => !(request.Addressing == AddressingMode.Dhcp && a.Address.Address.Equals(eni.Metadata.PrimaryIp)))
        .Select(a => IpText.Prefix(a.Address))
        .Order(StringComparer.Ordinal);

    private static IEnumerable<RuleSpec> ExpectedRules(RenderRequest request, EniSpec eni) =>
        eni.Rules.Concat(request.SharedRules.Where(s => eni.Rules.Any(r => r.Family == s.Family)));

    private static IEnumerable<RouteSpec> ReadRoutes(Dictionary<string, string> files, string name, bool wicked)
    {
        if (wicked)
        {
            return files.TryGetValue($"ifroute-{name}", out var text)
                ? IpLine.Lines(text).Select(l => IpLine.Route(l, l.Contains(':', StringComparison.Ordinal) ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork, wickedColumns: true))
                : [];
        }

        var v4 = files.TryGetValue($"route-{name}", out var r4) ? IpLine.Lines(r4).Select(l => IpLine.Route(l, AddressFamily.InterNetwork)) : [];
        var v6 = files.TryGetValue($"route6-{name}", out var r6) ? IpLine.Lines(r6).Select(l => IpLine.Route(l, AddressFamily.InterNetworkV6)) : [];
        return v4.Concat(v6);
    }

    private static IEnumerable<RuleSpec> ReadRules(Dictionary<string, string> files, string v4, string v6) =>
        (files.TryGetValue(v4, out var r4) ? IpLine.Lines(r4).Select(l => IpLine.Rule(l, AddressFamily.InterNetwork)) : [])
        .Concat(files.TryGetValue(v6, out var r6) ? IpLine.Lines(r6).Select(l => IpLine.Rule(l, AddressFamily.InterNetworkV6)) : []);

    /// <summary>Records in a stable order; compared by value (scope, table and source included).</summary>
    private static List<T> Sorted<T>(IEnumerable<T> items) => items.OrderBy(i => i!.ToString(), StringComparer.Ordinal).ToList();
}
