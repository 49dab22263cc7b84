namespace EniAgent.Core.Host;

/// <summary>Where the NetworkManager profile of a device lives, which says which files NM reads.</summary>
public enum NmProfileFormat
{
    /// <summary>A keyfile under /etc (or /usr/lib) NetworkManager/system-connections.</summary>
    Keyfile,

    /// <summary>An ifcfg-* file read through NM's ifcfg-rh plugin.</summary>
    Ifcfg,

    /// <summary>A runtime keyfile netplan generated (/run/NetworkManager/system-connections/netplan-*).</summary>
    NetplanKeyfile,
}
