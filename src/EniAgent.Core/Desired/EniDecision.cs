using System.Net.NetworkInformation;

namespace EniAgent.Core.Desired;

/// <summary>The verdict for one ENI, with the reason shown by <c>eniagent status</c>.</summary>
public sealed record EniDecision(
    string? EniId,
    PhysicalAddress? Mac,
    string? InterfaceName,
    EniRole? Role,
    EniDisposition Disposition,
    string Reason);
