namespace EniAgent.Core.Host;

/// <summary>Network daemons recognised in /proc/*/comm.</summary>
public enum NetworkDaemon
{
    NetworkManager,

    /// <summary>comm is "systemd-network": the kernel truncates comm to 15 characters.</summary>
    SystemdNetworkd,

    /// <summary>wickedd and its helpers (wickedd-nanny, wickedd-dhcp4, ...).</summary>
    Wicked,
}
