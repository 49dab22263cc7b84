using System.Net.Sockets;
using EniAgent.Core.Configuration;
using EniAgent.Rendering.Text;

namespace EniAgent.Rendering.Renderers;

/// <summary>
/// RHEL-style <c>/etc/sysconfig/network-scripts/ifcfg-&lt;if&gt;</c>, <c>route-</c>/<c>route6-&lt;if&gt;</c> and, for
/// network-scripts only, <c>rule-</c>/<c>rule6-&lt;if&gt;</c> (see <see cref="IfcfgFlavor"/>). Route files use the
/// <c>ip route add</c> argument form; initscripts run <c>ip route add $line</c> without a device, so each line names
/// it. For NetworkManager, rules become <c>ROUTING_RULE_n</c>/<c>ROUTING_RULE6_n</c> keys and route lines carry no
/// <c>proto</c> (its parser rejects the whole line otherwise). The file names are fixed by the format, so
/// ownership rests on the header alone.
/// </summary>
internal sealed class IfcfgRenderer : IConfigRenderer
{
    public const string Directory = "/etc/sysconfig/network-scripts";

    public RendererKind Kind => RendererKind.Ifcfg;

    public RenderResult Render(RenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new ResultBuilder();
        var nm = request.IfcfgFlavor == IfcfgFlavor.NetworkManager;
        foreach (var eni in EniViews.BuildSecondaries(request, $"{Directory}/ifcfg-<if>", result, "ifcfg"))
        {
            var name = eni.InterfaceName;
            var path = $"{Directory}/ifcfg-{name}";
            result.Add(path, RenderIfcfg(eni, path, nm), ResultBuilder.Mode0644, eni.EniId);
            foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
            {
                var suffix = IpText.IsV6(family) ? "6" : string.Empty;
                var routes = eni.Routes.Where(r => r.Family == family).ToList();
                if (routes.Count > 0)
                {
                    var routePath = $"{Directory}/route{suffix}-{name}";
                    var text = new ShellVarText(eni.Header, eni.EniId, routePath);
                    routes.ForEach(r => text.Raw(IpArgs.Route(r, name, nm ? null : request.Protocol)));
                    result.Add(routePath, text.ToString(), ResultBuilder.Mode0644, eni.EniId);
                }

                var rules = eni.Rules.Where(r => r.Family == family).ToList();
                if (!nm && rules.Count > 0)
                {
                    // No 'protocol': iproute2 before 4.17 (CentOS 7) rejects it and initscripts ignore the failure.
                    var rulePath = $"{Directory}/rule{suffix}-{name}";
                    var text = new ShellVarText(eni.Header, eni.EniId, rulePath);
                    rules.ForEach(r => text.Raw(IpArgs.Rule(r, allAsPrefix: false, protocol: null)));
                    result.Add(rulePath, text.ToString(), ResultBuilder.Mode0644, eni.EniId);
                }
            }

            if (!nm)
            {
                result.Note(NoteSeverity.Info, eni.EniId, "network-scripts: addresses get kernel prefix routes in the main table; rules carry no protocol");
                if (eni.Dhcp)
                {
                    result.Note(NoteSeverity.Warning, eni.EniId, "network-scripts with BOOTPROTO=dhcp ignores IPADDRn: secondary IPs are applied live only");
                }
            }
        }

        result.Note(NoteSeverity.Info, null, nm
            ? "ifcfg for NetworkManager: routes and rules carry NetworkManager's protocol, not eniagent's"
            : "ifcfg for network-scripts: do not also let NetworkManager read these files (rule- files make it skip route- files)");
        return result.Build();
    }

    private static string RenderIfcfg(EniView eni, string path, bool nm)
    {
        var text = new ShellVarText(eni.Header, eni.EniId, path)
            .Set("DEVICE", eni.InterfaceName)
            .Set("NAME", $"{BrandedFile.Brand}-{eni.InterfaceName}")
            .Set("TYPE", "Ethernet")
            .Set("HWADDR", eni.Mac)
            .Set("ONBOOT", "yes")
            .Set("BOOTPROTO", eni.Dhcp ? "dhcp" : "none");
        var v4 = eni.Addresses.Where(a => a.Address.Family == AddressFamily.InterNetwork).ToList();
        for (var i = 0; i < v4.Count; i++)
        {
            text.Set($"IPADDR{i}", v4[i].Address.Address.ToString()).Set($"PREFIX{i}", IpText.Num(v4[i].Address.PrefixLength));
        }

        text.Set("DEFROUTE", "no").Set("PEERDNS", "no").Set("PEERROUTES", "no")
            .Set("IPV4_ROUTE_TABLE", IpText.Num(eni.Table)).Set("IPV4_ROUTE_METRIC", "0");
        var v6 = eni.Addresses.Where(a => a.Address.Family == AddressFamily.InterNetworkV6).ToList();
        if (v6.Count == 0)
        {
            text.Set("IPV6INIT", "no");
        }
        else
        {
            text.Set("IPV6INIT", "yes").Set("IPV6_AUTOCONF", "no").Set("IPV6ADDR", IpText.Prefix(v6[0].Address));
            if (v6.Count > 1)
            {
                text.Set("IPV6ADDR_SECONDARIES", string.Join(' ', v6.Skip(1).Select(a => IpText.Prefix(a.Address))));
            }

            text.Set("IPV6_DEFROUTE", "no").Set("IPV6_ROUTE_TABLE", IpText.Num(eni.Table)).Set("IPV6_ROUTE_METRIC", "0");
        }

        if (nm)
        {
            foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
            {
                var key = IpText.IsV6(family) ? "ROUTING_RULE6_" : "ROUTING_RULE_";
                var rules = eni.Rules.Where(r => r.Family == family).ToList();
                for (var i = 0; i < rules.Count; i++)
                {
                    text.Set($"{key}{i + 1}", IpArgs.Rule(rules[i], allAsPrefix: true, protocol: null));
                }
            }
        }

        return text.ToString();
    }
}
