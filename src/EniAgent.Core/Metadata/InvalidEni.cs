using System.Net.NetworkInformation;

namespace EniAgent.Core.Metadata;

/// <summary>
/// An ENI that metadata lists but whose items failed validation. It is never configured, in part or whole.
/// <see cref="RawMac"/> and <see cref="Value"/> are already sanitized for display (control characters escaped, length capped).
/// </summary>
public sealed record InvalidEni(
    string RawMac,
    PhysicalAddress? Mac,
    string? EniId,
    string Item,
    string Value,
    string Reason)
{
    public override string ToString() => $"ENI {EniId ?? "?"} ({RawMac}): {Item} = \"{Value}\": {Reason}";
}
