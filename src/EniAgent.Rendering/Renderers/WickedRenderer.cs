using System.Net.Sockets;
using EniAgent.Core.Configuration;
using EniAgent.Rendering.Text;

namespace EniAgent.Rendering.Renderers;

/// <summary>
/// SUSE wicked: <c>/etc/sysconfig/network/ifcfg-&lt;if&gt;</c> (addresses as <c>IPADDR_n='addr/len'</c>, both
/// families), <c>ifroute-&lt;if&gt;</c> (columns destination, gateway, netmask, interface, then <c>ip route</c>
/// options: <c>scope</c>, <c>src</c>, <c>table</c>, <c>proto</c>) and <c>ifrule-&lt;if&gt;</c> (<c>ip rule</c>
/// arguments after an <c>ipv4</c>/<c>ipv6</c> family word). wicked cannot set address flags, so addresses get
/// kernel prefix routes in the main table.
/// </summary>
internal sealed class WickedRenderer : IConfigRenderer
{
    public const string Directory = "/etc/sysconfig/network";

    public RendererKind Kind => RendererKind.Wicked;

    public RenderResult Render(RenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new ResultBuilder();
        foreach (var eni in EniViews.BuildSecondaries(request, $"{Directory}/ifcfg-<if>", result, "wicked"))
        {
            var name = eni.InterfaceName;
            var path = $"{Directory}/ifcfg-{name}";
            var ifcfg = new ShellVarText(eni.Header, eni.EniId, path)
                .Set("STARTMODE", "auto")
                .Set("BOOTPROTO", eni.Dhcp ? "dhcp4" : "static");
            for (var i = 0; i < eni.Addresses.Length; i++)
            {
                ifcfg.Set($"IPADDR_{i}", IpText.Prefix(eni.Addresses[i].Address));
            }

            if (eni.Dhcp)
            {
                ifcfg.Set("DHCLIENT_SET_DEFAULT_ROUTE", "no").Set("DHCLIENT_SET_HOSTNAME", "no");
            }

            result.Add(path, ifcfg.ToString(), ResultBuilder.Mode0644, eni.EniId);

            if (eni.Routes.Length > 0)
            {
                var routePath = $"{Directory}/ifroute-{name}";
                var routes = new ShellVarText(eni.Header, eni.EniId, routePath);
                foreach (var route in eni.Routes)
                {
                    var destination = route.Destination.PrefixLength == 0 ? "default" : IpText.Prefix(route.Destination);
                    var gateway = route.Gateway?.ToString() ?? "-";
                    routes.Raw($"{destination} {gateway} - {name} {IpArgs.RouteOptions(route, request.Protocol)}");
                }

                result.Add(routePath, routes.ToString(), ResultBuilder.Mode0644, eni.EniId);
            }

            if (eni.Rules.Length > 0)
            {
                var rulePath = $"{Directory}/ifrule-{name}";
                var rules = new ShellVarText(eni.Header, eni.EniId, rulePath);
                foreach (var rule in eni.Rules)
                {
                    var family = rule.Family == AddressFamily.InterNetworkV6 ? "ipv6" : "ipv4";
                    rules.Raw($"{family} {IpArgs.Rule(rule, allAsPrefix: false, protocol: null)}");
                }

                result.Add(rulePath, rules.ToString(), ResultBuilder.Mode0644, eni.EniId);
            }

            result.Note(NoteSeverity.Info, eni.EniId, "wicked: addresses get kernel prefix routes in the main table; rules carry no protocol");
        }

        return result.Build();
    }
}
