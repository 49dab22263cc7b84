namespace EniAgent.Rendering;

/// <summary>
/// Which program reads RHEL-style ifcfg files. They disagree on policy rules: network-scripts only reads
/// <c>rule-&lt;if&gt;</c> files, while NetworkManager's ifcfg-rh plugin stops reading <c>route-&lt;if&gt;</c> as soon
/// as a <c>rule-&lt;if&gt;</c> file exists (it leaves both to an optional dispatcher script) and instead reads
/// <c>ROUTING_RULE_n</c> keys; it also rejects <c>proto</c> in route lines.
/// </summary>
public enum IfcfgFlavor
{
    /// <summary>NetworkManager with the ifcfg-rh plugin (RHEL/CentOS 8+, Alibaba Cloud Linux 3, Anolis 8).</summary>
    NetworkManager,

    /// <summary>The legacy initscripts <c>network</c> service (CentOS 7, Alibaba Cloud Linux 2).</summary>
    NetworkScripts,
}
