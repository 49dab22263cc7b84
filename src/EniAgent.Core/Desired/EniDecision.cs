using System.Net.NetworkInformation;

namespace EniAgent.Core.Desired;

/// <summary>The verdict for one ENI, with the reason shown by <c>eniagent status</c>.</summary>
public sealed record EniDecision(
    string? EniId,
    PhysicalAddress? Mac,
    string? InterfaceName,
    EniRole? Role,
    EniDisposition Disposition,
    string Reason)
{
    /// <summary>
    /// Why the IPv6 metadata lists for the ENI is not configured (the host or the link has IPv6 off), with how to
    /// change it; null when it is configured, or there is none, or the configuration says <c>ipv6: false</c>.
    /// </summary>
    public Ipv6Skip? Ipv6Skipped { get; init; }
}
