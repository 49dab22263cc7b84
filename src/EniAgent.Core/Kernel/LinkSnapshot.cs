using System.Net.NetworkInformation;

namespace EniAgent.Core.Kernel;

/// <summary>A network link as the kernel reports it.</summary>
public sealed record LinkSnapshot(
    int Index,
    string Name,
    PhysicalAddress Mac,
    int Mtu,
    bool AdminUp,
    bool OperUp,
    string? Kind)
{
    /// <summary>The link's IPv4 settings; null when unknown (not read from a kernel, or the link has no IPv4).</summary>
    public Ipv4DevConf? Ipv4 { get; init; }

    /// <summary>Whether the link can carry IPv6 now; the agent skips an ENI's IPv6 when it cannot.</summary>
    public Ipv6LinkState Ipv6 { get; init; } = Ipv6LinkState.Unknown;
}
