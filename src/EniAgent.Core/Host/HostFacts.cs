namespace EniAgent.Core.Host;

/// <summary>
/// What the probe found on the host (all read under the root prefix). Pure data: <see cref="RendererSelector"/>
/// and the container check decide from it, so decisions are table-tested without a real host.
/// </summary>
public sealed record HostFacts
{
    public OsRelease? OsRelease { get; init; }

    /// <summary>/etc/sysconfig/network-scripts is a folder.</summary>
    public bool NetworkScriptsDir { get; init; }

    /// <summary>*.yaml files in /etc/netplan (names only, sorted).</summary>
    public ValueList<string> NetplanFiles { get; init; } = [];

    /// <summary>/etc/network/interfaces exists.</summary>
    public bool IfupdownInterfaces { get; init; }

    /// <summary>/etc/sysconfig/network is a folder (SUSE; on Red Hat it is a file).</summary>
    public bool SuseNetworkDir { get; init; }

    public bool NetworkManagerDir { get; init; }

    public bool NetworkdDir { get; init; }

    public bool WickedBinary { get; init; }

    public bool NetworkManagerBinary { get; init; }

    public bool IfupBinary { get; init; }

    public bool NetplanBinary { get; init; }

    public ValueList<NetworkDaemon> RunningDaemons { get; init; } = [];

    /// <summary>plugins= of NetworkManager.conf (and conf.d, last wins); null when not set (NM's built-in default applies).</summary>
    public ValueList<string>? NmPlugins { get; init; }

    /// <summary>NM's ifcfg-rh plugin library is installed.</summary>
    public bool NmIfcfgRhPluginInstalled { get; init; }

    public PrimaryLinkFacts? Primary { get; init; }

    public ContainerFacts Container { get; init; } = new();

    public bool IsRunning(NetworkDaemon daemon) => RunningDaemons.Contains(daemon);

    /// <summary>Whether NM reads ifcfg files: the plugin is listed, or (with no plugins= line) installed.</summary>
    public bool NmReadsIfcfg => NmPlugins is { } plugins ? plugins.Contains("ifcfg-rh") : NmIfcfgRhPluginInstalled;
}
