using System.Globalization;
using System.Net.Sockets;
using EniAgent.Core.Configuration;
using EniAgent.Rendering.Text;

namespace EniAgent.Rendering.Renderers;

/// <summary>
/// NetworkManager keyfile: <c>/etc/NetworkManager/system-connections/eniagent-&lt;if&gt;.nmconnection</c>, mode
/// 0600 (NetworkManager ignores keyfiles others can read). The UUID is name-based on the ENI ID so re-renders
/// keep the profile's identity. <c>autoconnect-priority=100</c> beats the auto "Wired connection N" profiles
/// (priority 0 or below). <c>route-table</c> sends NetworkManager's own prefix and DHCP routes to the ENI's
/// table, so the main table stays untouched; <c>route-metric=0</c> gives the kernel's default metric, as live.
/// NetworkManager sets its own protocol (static/dhcp) on routes and rules.
/// </summary>
internal sealed class NetworkManagerRenderer : IConfigRenderer
{
    public const string Directory = "/etc/NetworkManager/system-connections";

    public const int AutoconnectPriority = 100;

    public RendererKind Kind => RendererKind.NetworkManager;

    public static string ConnectionId(string interfaceName) => $"{BrandedFile.Brand}-{interfaceName}";

    public static string PathOf(string interfaceName) => $"{Directory}/{ConnectionId(interfaceName)}.nmconnection";

    public RenderResult Render(RenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new ResultBuilder();
        foreach (var eni in EniViews.BuildSecondaries(request, PathOf("<if>"), result, "NetworkManager"))
        {
            result.Add(PathOf(eni.InterfaceName), Render(eni), ResultBuilder.Mode0600, eni.EniId);
        }

        result.Note(NoteSeverity.Info, null, "NetworkManager tags routes and rules with its own protocol, not eniagent's");
        return result.Build();
    }

    private static string Render(EniView eni)
    {
        var uuid = DeterministicUuid.Create($"eniagent:{eni.EniId}").ToString("D", CultureInfo.InvariantCulture);
        var text = new FileText(eni.Header)
            .Line("[connection]")
            .Line($"id={ConnectionId(eni.InterfaceName)}")
            .Line($"uuid={uuid}")
            .Line("type=ethernet")
            .Line($"interface-name={eni.InterfaceName}")
            .Line("autoconnect=true")
            .Line($"autoconnect-priority={IpText.Num(AutoconnectPriority)}")
            .Line()
            .Line("[ethernet]")
            .Line($"mac-address={eni.Mac}")
            .Line();
        Family(text, eni, AddressFamily.InterNetwork);
        Family(text, eni, AddressFamily.InterNetworkV6);
        return text.ToString();
    }

    private static void Family(FileText text, EniView eni, AddressFamily family)
    {
        var v6 = IpText.IsV6(family);
        var addresses = eni.Addresses.Where(a => a.Address.Family == family).ToList();
        var routes = eni.Routes.Where(r => r.Family == family).ToList();
        var rules = eni.Rules.Where(r => r.Family == family).ToList();
        text.Line(v6 ? "[ipv6]" : "[ipv4]");
        if (v6 && addresses.Count == 0 && routes.Count == 0 && rules.Count == 0)
        {
            text.Line("method=ignore").Line();
            return;
        }

        text.Line($"method={(!v6 && eni.Dhcp ? "auto" : "manual")}");
        for (var i = 0; i < addresses.Count; i++)
        {
            text.Line($"address{i + 1}={IpText.Prefix(addresses[i].Address)}");
        }

        text.Line("never-default=true")
            .Line("ignore-auto-dns=true")
            .Line("ignore-auto-routes=true")
            .Line($"route-table={IpText.Num(eni.Table)}")
            .Line("route-metric=0");
        for (var i = 0; i < routes.Count; i++)
        {
            var route = routes[i];
            var value = IpText.Prefix(route.Destination) + (route.Gateway is { } gw ? "," + gw : string.Empty);
            var options = new List<string>();
            if (route.PreferredSource is { } src)
            {
                options.Add($"src={src}");
            }

            options.Add($"table={IpText.Num(route.Table)}");
            text.Line($"route{i + 1}={value}").Line($"route{i + 1}_options={string.Join(',', options)}");
        }

        for (var i = 0; i < rules.Count; i++)
        {
            text.Line($"routing-rule{i + 1}={IpArgs.Rule(rules[i], allAsPrefix: true, protocol: null)}");
        }

        text.Line();
    }
}
