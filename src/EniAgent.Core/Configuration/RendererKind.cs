namespace EniAgent.Core.Configuration;

/// <summary>The persisted-configuration formats eniagent renders.</summary>
public enum RendererKind
{
    None,
    Ifcfg,
    Netplan,
    Ifupdown,
    Wicked,
    NetworkManager,
    Networkd,
}
