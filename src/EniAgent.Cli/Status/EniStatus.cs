using EniAgent.Core;

namespace EniAgent.Cli.Status;

/// <summary>One row of <c>eniagent status</c>.</summary>
internal sealed record EniStatus(
    string? EniId,
    string? Mac,
    string? Interface,
    string? Role,
    EniState State,
    string Reason,
    int? Slot,
    uint? Table,
    ValueList<string> DesiredAddresses,
    ValueList<string> ActualAddresses,
    ValueList<string> Rules,
    ValueList<string> PendingChanges)
{
    /// <summary>Why the ENI's IPv6 is not configured (IPv6 off on the host or link); null when it is, or there is none.</summary>
    public string? Ipv6Skipped { get; init; }
}
