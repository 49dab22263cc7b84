using EniAgent.Core.Host;

namespace EniAgent.Core.Tests.Host;

/// <summary>The network stacks as they look on stock images, for table tests of the pure decision.</summary>
public enum Stack
{
    /// <summary>network-scripts manage eth0 from ifcfg-eth0; NetworkManager not running.</summary>
    NetworkScripts,

    /// <summary>NetworkManager manages eth0 through an ifcfg-rh profile.</summary>
    NmIfcfg,

    /// <summary>NetworkManager manages eth0 through a keyfile profile.</summary>
    NmKeyfile,

    /// <summary>netplan renders 50-cloud-init.yaml for systemd-networkd, which manages eth0.</summary>
    NetplanNetworkd,

    /// <summary>ifupdown brought eth0 up from /etc/network/interfaces.</summary>
    Ifupdown,

    /// <summary>wicked manages eth0 from /etc/sysconfig/network/ifcfg-eth0.</summary>
    Wicked,

    /// <summary>Nothing running (an offline root): only installed files and os-release.</summary>
    Offline,
}

internal static class HostScenarios
{
    private const string FixtureDir = "tests/EniAgent.Core.Tests/Host/OsReleaseFixtures/";

    public static OsRelease? OsReleaseOf(string fixture)
    {
        var text = RepoFiles.Read(FixtureDir + fixture);
        return fixture.EndsWith(".redhat-release", StringComparison.Ordinal)
            ? OsRelease.FromRedhatRelease(text)
            : OsRelease.Parse(text, OsReleaseSource.EtcOsRelease);
    }

    /// <summary>The facts with the primary interface's evidence changed.</summary>
    public static HostFacts WithPrimary(this HostFacts facts, Func<PrimaryLinkFacts, PrimaryLinkFacts> change) =>
        facts with { Primary = change(facts.Primary!) };

    /// <summary>The reason of the final "decision" verdict.</summary>
    public static string Decision(RendererSelection selection) => selection.Verdicts.Single(v => v.Probe == "decision").Reason;

    public static HostFacts Facts(string fixture, Stack stack, bool netplanFiles = false)
    {
        var facts = new HostFacts { OsRelease = OsReleaseOf(fixture) };
        var eth0 = new PrimaryLinkFacts("eth0", 2);
        return stack switch
        {
            Stack.NetworkScripts => facts with
            {
                NetworkScriptsDir = true,
                IfupBinary = true,
                Primary = eth0 with { NetworkScriptsIfcfg = true },
            },
            Stack.NmIfcfg => facts with
            {
                NetworkScriptsDir = true,
                NetworkManagerDir = true,
                NetworkManagerBinary = true,
                NmIfcfgRhPluginInstalled = true,
                RunningDaemons = [NetworkDaemon.NetworkManager],
                Primary = eth0 with
                {
                    NetworkScriptsIfcfg = true,
                    NmDeviceManaged = true,
                    NmConnectionUuid = "5fb06bd0-0bb0-7ffb-45f1-d6edd65f3e03",
                    NmProfile = NmProfileFormat.Ifcfg,
                    NmProfilePath = "/etc/sysconfig/network-scripts/ifcfg-eth0",
                },
            },
            Stack.NmKeyfile => facts with
            {
                NetworkScriptsDir = true,
                NetworkManagerDir = true,
                NetworkManagerBinary = true,
                RunningDaemons = [NetworkDaemon.NetworkManager],
                Primary = eth0 with
                {
                    NmDeviceManaged = true,
                    NmConnectionUuid = "1dd9a779-d327-56e1-8454-c65e2556c12c",
                    NmProfile = NmProfileFormat.Keyfile,
                    NmProfilePath = "/etc/NetworkManager/system-connections/cloud-init-eth0.nmconnection",
                },
            },
            Stack.NetplanNetworkd => facts with
            {
                NetplanFiles = ["50-cloud-init.yaml"],
                NetplanBinary = true,
                NetworkdDir = true,
                RunningDaemons = [NetworkDaemon.SystemdNetworkd],
                Primary = eth0 with
                {
                    NetworkdAdminState = "configured",
                    NetworkdNetworkFile = "/run/systemd/network/10-netplan-eth0.network",
                    NetplanMentions = true,
                },
            },
            Stack.Ifupdown => facts with
            {
                IfupdownInterfaces = true,
                IfupBinary = true,
                NetworkdDir = true,
                NetplanFiles = netplanFiles ? ["90-unrelated.yaml"] : [],
                Primary = eth0 with { IfupdownUp = true, IfupdownStanza = true },
            },
            Stack.Wicked => facts with
            {
                SuseNetworkDir = true,
                WickedBinary = true,
                RunningDaemons = [NetworkDaemon.Wicked],
                Primary = eth0 with { SuseIfcfg = true },
            },
            Stack.Offline => facts with { NetplanFiles = netplanFiles ? ["50-cloud-init.yaml"] : [] },
            _ => throw new ArgumentOutOfRangeException(nameof(stack)),
        };
    }
}
