using EniAgent.Core.Configuration;

namespace EniAgent.Core.Host;

/// <summary>
/// Pure: which persisted-configuration format to write. An explicit <c>persist.renderer</c> wins; otherwise
/// the stack that manages the primary interface right now; then the running network daemons; os-release breaks
/// ties and decides when nothing runs (offline roots). Every probe's verdict is returned for <c>eniagent status</c>.
/// </summary>
public static class RendererSelector
{
    public static RendererSelection Select(HostFacts facts, RendererKind? configured)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var verdicts = new List<ProbeVerdict>();
        var distro = DistroDefaults.Verdict(facts);
        var primary = PrimaryProbes(facts).ToList();
        var daemons = DaemonProbes(facts).ToList();

        if (configured is { } chosen)
        {
            verdicts.Add(new ProbeVerdict("configuration", chosen, $"persist.renderer: {chosen.ToString().ToLowerInvariant()} in eniagent.yaml"));
            verdicts.AddRange(primary);
            verdicts.AddRange(daemons);
            verdicts.Add(distro);
            return new RendererSelection(chosen, verdicts.ToValueList());
        }

        verdicts.AddRange(primary);
        verdicts.AddRange(daemons);
        verdicts.Add(distro);
        var renderer = Decide(primary, "the stack managing the primary interface", distro, verdicts)
            ?? Decide(daemons, "the running network daemon", distro, verdicts)
            ?? FromDistro(distro, verdicts);
        return new RendererSelection(renderer, verdicts.ToValueList());
    }

    private static RendererKind? Decide(List<ProbeVerdict> probes, string what, ProbeVerdict distro, List<ProbeVerdict> verdicts)
    {
        var candidates = probes.Where(p => p.Suggests is not null).Select(p => p.Suggests!.Value).Distinct().ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        if (candidates.Count == 1)
        {
            verdicts.Add(new ProbeVerdict("decision", candidates[0], $"{what} says {Name(candidates[0])}"));
            return candidates[0];
        }

        var names = string.Join(", ", candidates.Select(Name));
        if (distro.Suggests is { } d && candidates.Contains(d))
        {
            verdicts.Add(new ProbeVerdict("decision", d, $"{what} is ambiguous ({names}); os-release breaks the tie"));
            return d;
        }

        verdicts.Add(new ProbeVerdict("decision", candidates[0], $"{what} is ambiguous ({names}) and os-release does not help; first probe wins"));
        return candidates[0];
    }

    private static RendererKind FromDistro(ProbeVerdict distro, List<ProbeVerdict> verdicts)
    {
        if (distro.Suggests is { } d)
        {
            verdicts.Add(new ProbeVerdict("decision", d, $"nothing manages the primary interface visibly; os-release default is {Name(d)}"));
            return d;
        }

        verdicts.Add(new ProbeVerdict("decision", RendererKind.None, "no network stack recognised; nothing will be persisted (set persist.renderer)"));
        return RendererKind.None;
    }

    /// <summary>Evidence tied to the primary interface, strongest first.</summary>
    private static IEnumerable<ProbeVerdict> PrimaryProbes(HostFacts facts)
    {
        if (facts.Primary is not { } p)
        {
            yield return new ProbeVerdict("primary-interface", null, "primary interface unknown (no default route)");
            yield break;
        }

        var nmRunning = facts.IsRunning(NetworkDaemon.NetworkManager);
        if (p.NmDeviceManaged == true)
        {
            yield return nmRunning
                ? new ProbeVerdict("networkmanager-device", FromNmProfile(facts, p), NmReason(p))
                : new ProbeVerdict("networkmanager-device", null, $"stale NetworkManager device state for {p.Name}; NetworkManager is not running");
        }
        else if (nmRunning && p.NmProfile is not null && p.NmConnectionUuid is null && p.IfcfgNmControlled is not "no")
        {
            yield return new ProbeVerdict("networkmanager-profile", FromNmProfile(facts, p), $"NetworkManager runs and profile {p.NmProfilePath} names {p.Name}");
        }

        if (p.NetworkdAdminState is { } state)
        {
            var managed = state is not ("unmanaged" or "linger" or "pending");
            var netplan = p.NetworkdNetworkFile is { } nf && Path.GetFileName(nf).StartsWith("10-netplan-", StringComparison.Ordinal);
            yield return !managed || !facts.IsRunning(NetworkDaemon.SystemdNetworkd)
                ? new ProbeVerdict("networkd-link", null, $"systemd-networkd does not manage {p.Name} (ADMIN_STATE={state}{(facts.IsRunning(NetworkDaemon.SystemdNetworkd) ? string.Empty : ", not running")})")
                : new ProbeVerdict("networkd-link", netplan ? RendererKind.Netplan : RendererKind.Networkd,
                    $"systemd-networkd manages {p.Name} (ADMIN_STATE={state}, NETWORK_FILE={p.NetworkdNetworkFile ?? "-"}){(netplan ? ", generated by netplan" : string.Empty)}");
        }

        if (p.IfupdownUp)
        {
            yield return new ProbeVerdict("ifupdown-state", RendererKind.Ifupdown, $"ifupdown brought {p.Name} up (/run/network/ifstate)");
        }

        if (p.SuseIfcfg && facts.IsRunning(NetworkDaemon.Wicked))
        {
            yield return new ProbeVerdict("wicked", RendererKind.Wicked, $"wickedd runs and /etc/sysconfig/network/ifcfg-{p.Name} exists");
        }

        if (p.NetworkScriptsIfcfg && (!nmRunning || p.IfcfgNmControlled == "no"))
        {
            yield return new ProbeVerdict("network-scripts", RendererKind.Ifcfg,
                $"/etc/sysconfig/network-scripts/ifcfg-{p.Name} exists and {(nmRunning ? "says NM_CONTROLLED=no" : "NetworkManager is not running")}");
        }
    }

    private static IEnumerable<ProbeVerdict> DaemonProbes(HostFacts facts)
    {
        if (facts.IsRunning(NetworkDaemon.NetworkManager))
        {
            var ifcfg = facts.NmReadsIfcfg && (facts.Primary?.NetworkScriptsIfcfg ?? false);
            yield return new ProbeVerdict("running-daemon", ifcfg ? RendererKind.Ifcfg : RendererKind.NetworkManager,
                ifcfg ? "NetworkManager runs with ifcfg-rh and the primary has an ifcfg file" : "NetworkManager runs");
        }

        if (facts.IsRunning(NetworkDaemon.SystemdNetworkd))
        {
            yield return new ProbeVerdict("running-daemon", facts.NetplanFiles.Count > 0 ? RendererKind.Netplan : RendererKind.Networkd,
                facts.NetplanFiles.Count > 0 ? "systemd-networkd runs and /etc/netplan has files" : "systemd-networkd runs");
        }

        if (facts.IsRunning(NetworkDaemon.Wicked))
        {
            yield return new ProbeVerdict("running-daemon", RendererKind.Wicked, "wickedd runs");
        }
    }

    private static RendererKind FromNmProfile(HostFacts facts, PrimaryLinkFacts p) => p.NmProfile switch
    {
        NmProfileFormat.Ifcfg => RendererKind.Ifcfg,
        NmProfileFormat.NetplanKeyfile => RendererKind.Netplan,
        NmProfileFormat.Keyfile => RendererKind.NetworkManager,

        // Profile not found: an ifcfg file for the primary that NM can read means NM reads ifcfg here.
        _ => facts.NmReadsIfcfg && p.NetworkScriptsIfcfg ? RendererKind.Ifcfg : RendererKind.NetworkManager,
    };

    private static string NmReason(PrimaryLinkFacts p) =>
        $"NetworkManager manages {p.Name} (/run/NetworkManager/devices/{p.IfIndex}){(p.NmProfilePath is { } path ? $" with profile {path} ({p.NmProfile})" : p.NmConnectionUuid is { } uuid ? $", profile {uuid} not found" : string.Empty)}";

    private static string Name(RendererKind kind) => kind.ToString().ToLowerInvariant();
}
