namespace EniAgent.Core.Kernel;

/// <summary>Whether a link can carry IPv6, as the kernel reports it.</summary>
public enum Ipv6LinkState
{
    /// <summary>Not read from a kernel (tests, offline rendering): assumed usable.</summary>
    Unknown,

    /// <summary>IPv6 is on for the link.</summary>
    Enabled,

    /// <summary><c>net.ipv6.conf.IFNAME.disable_ipv6 = 1</c> (also what setting <c>conf.all</c> does to every link).</summary>
    Disabled,

    /// <summary>The link has no IPv6 at all: the kernel was booted with <c>ipv6.disable=1</c> (or lacks IPv6), or the MTU is below 1280.</summary>
    Unavailable,
}
