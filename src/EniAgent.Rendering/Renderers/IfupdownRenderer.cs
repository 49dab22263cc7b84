using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Rendering.Text;

namespace EniAgent.Rendering.Renderers;

/// <summary>
/// Debian ifupdown: one <c>/etc/network/interfaces.d/eniagent-&lt;if&gt;</c> per ENI. Static mode uses
/// <c>inet manual</c> plus <c>up ip ...</c> lines rather than <c>inet static</c>: ifupdown's static method cannot
/// add <c>noprefixroute</c>, and its kernel prefix route would put the ENI's subnet in the main table, which the
/// layout leaves alone. The primary ENI (opt-in) gets an extra <c>iface</c> stanza that only adds its secondary
/// IPs; ifupdown runs every stanza of an interface, so the image's own stanza keeps working.
/// </summary>
internal sealed class IfupdownRenderer : IConfigRenderer
{
    public const string Directory = "/etc/network/interfaces.d";

    /// <summary>Metric for dhclient's routes in dhcp mode, so the primary ENI's default route keeps winning.</summary>
    public const int DhcpMetric = 1000;

    public RendererKind Kind => RendererKind.Ifupdown;

    public static string PathOf(string interfaceName) => $"{Directory}/{BrandedFile.Brand}-{interfaceName}";

    public RenderResult Render(RenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new ResultBuilder();
        var views = EniViews.Build(request, PathOf("<if>"), result.Notes);
        foreach (var eni in views)
        {
            result.Add(PathOf(eni.InterfaceName), Render(eni, request, result), ResultBuilder.Mode0644, eni.EniId);
        }

        if (views.Length > 0)
        {
            result.Note(NoteSeverity.Info, null, $"/etc/network/interfaces must source {Directory} (check with IfupdownSourceCheck)");
        }

        return result.Build();
    }

    private static string Render(EniView eni, RenderRequest request, ResultBuilder result)
    {
        var name = eni.InterfaceName;
        var text = new FileText(eni.Header);
        if (eni.IsPrimary)
        {
            text.Line("# Extra stanza: adds the primary ENI's secondary IPs; the image's own stanza configures the rest.");
            text.Line($"iface {name} inet manual");
        }
        else
        {
            text.Line($"allow-hotplug {name}");
            if (eni.Dhcp)
            {
                text.Line($"iface {name} inet dhcp");
                text.Line($"    metric {IpText.Num(DhcpMetric)}");
                result.Note(NoteSeverity.Warning, eni.EniId, $"dhcp mode: dhclient adds the subnet route and a default route (metric {DhcpMetric}) to the main table");
            }
            else
            {
                text.Line($"iface {name} inet manual");
            }
        }

        var protocol = request.Protocol;
        var up = new List<string>();
        var down = new List<string>();
        foreach (var address in eni.Addresses)
        {
            var family = IpArgs.FamilyFlag(address.Address.Family);
            up.Add($"up ip {family} addr add {IpArgs.Address(address, name)}");
            down.Add($"down ip {family} addr del {IpText.Prefix(address.Address)} dev {name}");
        }

        foreach (var route in eni.Routes)
        {
            var args = IpArgs.Route(route, name, protocol);
            up.Add($"up ip {IpArgs.FamilyFlag(route.Family)} route add {args}");
            down.Add($"down ip {IpArgs.FamilyFlag(route.Family)} route del {args}");
        }

        foreach (var rule in eni.Rules)
        {
            var args = IpArgs.Rule(rule, allAsPrefix: false, protocol);
            var ip = $"ip {IpArgs.FamilyFlag(rule.Family)} rule";
            if (rule.From is null)
            {
                // Shared by every ENI: another ENI may have added it already, and it must outlive this one.
                up.Add($"up {ip} add {args} 2>/dev/null || true");
            }
            else
            {
                up.Add($"up {ip} add {args}");
                down.Add($"down {ip} del {args}");
            }
        }

        down.Reverse();
        return text.Lines(up.Concat(down).Select(l => "    " + l)).ToString();
    }
}
