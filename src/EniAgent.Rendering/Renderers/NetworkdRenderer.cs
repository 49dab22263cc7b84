using EniAgent.Core.Configuration;

namespace EniAgent.Rendering.Renderers;

/// <summary>
/// systemd-networkd: <c>/etc/systemd/network/10-eniagent-&lt;if&gt;.network</c>, matched by MAC. networkd applies
/// the first matching .network file in lexical order across /etc, /run and /lib, so the <c>10-eniagent-</c>
/// prefix sorts before catch-alls (<c>50-cloud-init</c>, <c>99-default</c>) and before netplan's
/// <c>10-netplan-*</c> ('e' &lt; 'n'). The primary ENI is never given a file: networkd would apply ours instead of
/// the image's and drop its DHCP.
/// </summary>
internal sealed class NetworkdRenderer : IConfigRenderer
{
    public const string Directory = "/etc/systemd/network";

    public RendererKind Kind => RendererKind.Networkd;

    public static string PathOf(string interfaceName) => $"{Directory}/10-{BrandedFile.Brand}-{interfaceName}.network";

    public RenderResult Render(RenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new ResultBuilder();
        foreach (var eni in EniViews.BuildSecondaries(request, PathOf("<if>"), result, "networkd"))
        {
            result.Add(PathOf(eni.InterfaceName), Render(eni, request.Protocol), ResultBuilder.Mode0644, eni.EniId);
            if (eni.Dhcp)
            {
                result.Note(NoteSeverity.Info, eni.EniId, "dhcp mode: networkd adds the DHCP address's subnet route to the main table");
            }
        }

        result.Note(NoteSeverity.Info, null, "networkd removes routes and rules it does not know unless networkd.conf sets ManageForeignRoutes=no and ManageForeignRoutingPolicyRules=no");
        return result.Build();
    }

    private static string Render(EniView eni, byte protocol)
    {
        var text = new FileText(eni.Header)
            .Line("[Match]").Line($"MACAddress={eni.Mac}").Line()
            .Line("[Link]").Line("RequiredForOnline=no").Line()
            .Line("[Network]").Line(eni.Dhcp ? "DHCP=ipv4" : "DHCP=no").Line("LinkLocalAddressing=no").Line("IPv6AcceptRA=no").Line();
        if (eni.Dhcp)
        {
            text.Line("[DHCPv4]").Line("UseRoutes=no").Line("UseGateway=no").Line("UseDNS=no").Line("UseNTP=no").Line("UseHostname=no").Line();
        }

        foreach (var address in eni.Addresses)
        {
            NetworkdSections.Address(text, address);
        }

        foreach (var route in eni.Routes)
        {
            NetworkdSections.Route(text, route, protocol);
        }

        foreach (var rule in eni.Rules)
        {
            NetworkdSections.Rule(text, rule);
        }

        return text.ToString();
    }
}
