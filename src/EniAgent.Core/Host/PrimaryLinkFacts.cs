namespace EniAgent.Core.Host;

/// <summary>
/// Evidence about who manages the primary interface, read from the network stacks' own runtime state and
/// configuration files. Null fields mean "no such evidence found".
/// </summary>
public sealed record PrimaryLinkFacts(string Name, int? IfIndex)
{
    /// <summary>ADMIN_STATE from /run/systemd/netif/links/&lt;ifindex&gt; (configured, configuring, unmanaged, ...).</summary>
    public string? NetworkdAdminState { get; init; }

    /// <summary>NETWORK_FILE from the same file: the .network file networkd applied.</summary>
    public string? NetworkdNetworkFile { get; init; }

    /// <summary>managed= from /run/NetworkManager/devices/&lt;ifindex&gt;.</summary>
    public bool? NmDeviceManaged { get; init; }

    /// <summary>connection-uuid= from the same file: the profile NM activated.</summary>
    public string? NmConnectionUuid { get; init; }

    /// <summary>The format of the profile with that UUID (or, lacking a device state, of a profile naming the interface).</summary>
    public NmProfileFormat? NmProfile { get; init; }

    /// <summary>Logical path of that profile.</summary>
    public string? NmProfilePath { get; init; }

    /// <summary>ifupdown lists the interface as up (/run/network/ifstate or ifstate.&lt;name&gt;).</summary>
    public bool IfupdownUp { get; init; }

    /// <summary>/etc/network/interfaces (or interfaces.d/*) has an "iface &lt;name&gt;" stanza.</summary>
    public bool IfupdownStanza { get; init; }

    /// <summary>/etc/sysconfig/network-scripts/ifcfg-&lt;name&gt; exists.</summary>
    public bool NetworkScriptsIfcfg { get; init; }

    /// <summary>NM_CONTROLLED from that file, if set.</summary>
    public string? IfcfgNmControlled { get; init; }

    /// <summary>/etc/sysconfig/network/ifcfg-&lt;name&gt; (SUSE) exists.</summary>
    public bool SuseIfcfg { get; init; }

    /// <summary>A file in /etc/netplan names the interface (or matches its MAC).</summary>
    public bool NetplanMentions { get; init; }
}
