using EniAgent.Core.Configuration;
using EniAgent.Rendering.Text;

namespace EniAgent.Rendering.Renderers;

/// <summary>
/// netplan: <c>/etc/netplan/90-eniagent-&lt;if&gt;.yaml</c> per ENI, plus a networkd drop-in for what netplan
/// cannot say. Ordering: netplan merges YAML files in lexical order (later wins), so <c>90-</c> sorts after
/// <c>50-cloud-init.yaml</c>; and it writes one <c>10-netplan-&lt;id&gt;.network</c> per definition, of which
/// networkd applies the first that matches. Catch-alls such as Debian's <c>all-eth</c> / <c>all-en</c> would sort
/// before an id like <c>eniagent-eth1</c>, so our definition id is <c>00-eniagent-&lt;if&gt;</c> (digits sort before
/// letters). Gaps filled by <c>/etc/systemd/network/10-netplan-00-eniagent-&lt;if&gt;.network.d/90-eniagent.conf</c>
/// (networkd reads drop-ins for generated files too; a later duplicate [Address] replaces the earlier one):
/// <c>noprefixroute</c>/<c>nodad</c> on addresses and every rule with <c>suppress_prefixlength</c>, which netplan's
/// routing-policy lacks. netplan routes carry no protocol.
/// </summary>
internal sealed class NetplanRenderer : IConfigRenderer
{
    public RendererKind Kind => RendererKind.Netplan;

    public static string DefinitionId(string interfaceName) => $"00-{BrandedFile.Brand}-{interfaceName}";

    public static string PathOf(string interfaceName) => $"/etc/netplan/90-{BrandedFile.Brand}-{interfaceName}.yaml";

    public static string DropInPathOf(string interfaceName) =>
        $"{NetworkdRenderer.Directory}/10-netplan-{DefinitionId(interfaceName)}.network.d/90-{BrandedFile.Brand}.conf";

    public RenderResult Render(RenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new ResultBuilder();
        foreach (var eni in EniViews.BuildSecondaries(request, PathOf("<if>"), result, "netplan"))
        {
            result.Add(PathOf(eni.InterfaceName), RenderYaml(eni), ResultBuilder.Mode0600, eni.EniId);
            result.Add(DropInPathOf(eni.InterfaceName), RenderDropIn(eni), ResultBuilder.Mode0644, eni.EniId);
            if (eni.Dhcp)
            {
                result.Note(NoteSeverity.Info, eni.EniId, "dhcp mode: networkd adds the DHCP address's subnet route to the main table");
            }
        }

        result.Note(NoteSeverity.Info, null, "netplan routes carry no protocol number; suppress_prefixlength rules and address flags live in the networkd drop-in");
        return result.Build();
    }

    private static string RenderYaml(EniView eni)
    {
        var file = PathOf(eni.InterfaceName);
        string Q(string value) => YamlText.TryQuote(value) ?? throw new RenderException(eni.EniId, file, "YAML value", value, "has characters outside the safe set");

        var text = new FileText(eni.Header)
            .Line("network:")
            .Line("  version: 2")
            .Line("  ethernets:")
            .Line($"    {Q(DefinitionId(eni.InterfaceName))}:")
            .Line("      match:")
            .Line($"        macaddress: {Q(eni.Mac)}")
            .Line($"      dhcp4: {(eni.Dhcp ? "true" : "false")}");
        if (eni.Dhcp)
        {
            text.Line("      dhcp4-overrides:").Line("        use-routes: false").Line("        use-dns: false").Line("        use-ntp: false").Line("        use-hostname: false");
        }

        text.Line("      dhcp6: false").Line("      accept-ra: false").Line("      link-local: []");
        if (eni.Addresses.Length > 0)
        {
            text.Line("      addresses:");
            text.Lines(eni.Addresses.Select(a => $"        - {Q(IpText.Prefix(a.Address))}"));
        }

        if (eni.Routes.Length > 0)
        {
            text.Line("      routes:");
            foreach (var route in eni.Routes)
            {
                text.Line($"        - to: {Q(IpText.Prefix(route.Destination))}");
                if (route.Gateway is { } gw)
                {
                    text.Line($"          via: {Q(gw.ToString())}");
                }

                if (IpText.ScopeName(route.Scope) is { } scope)
                {
                    text.Line($"          scope: {scope}");
                }

                if (route.PreferredSource is { } src)
                {
                    text.Line($"          from: {Q(src.ToString())}");
                }

                text.Line($"          table: {IpText.Num(route.Table)}");
            }
        }

        var plainRules = eni.Rules.Where(r => r.SuppressPrefixLength is null && r.From is not null).ToList();
        if (plainRules.Count > 0)
        {
            text.Line("      routing-policy:");
            foreach (var rule in plainRules)
            {
                text.Line($"        - from: {Q(IpText.Prefix(rule.From!.Value))}")
                    .Line($"          table: {IpText.Num(rule.Table)}")
                    .Line($"          priority: {IpText.Num(rule.Priority)}");
            }
        }

        return text.ToString();
    }

    private static string RenderDropIn(EniView eni)
    {
        var text = new FileText(eni.Header)
            .Line($"# Completes {PathOf(eni.InterfaceName)} with what netplan cannot express.")
            .Line();
        foreach (var address in eni.Addresses)
        {
            NetworkdSections.Address(text, address);
        }

        foreach (var rule in eni.Rules.Where(r => r.SuppressPrefixLength is not null || r.From is null))
        {
            NetworkdSections.Rule(text, rule);
        }

        return text.ToString();
    }
}
