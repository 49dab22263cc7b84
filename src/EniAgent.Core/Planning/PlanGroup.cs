using System.Net.NetworkInformation;

namespace EniAgent.Core.Planning;

/// <summary>
/// Steps applied together: one ENI's changes, the shared rules, or the leftovers of a detached ENI.
/// A failure stops the rest of its group only, never the other groups.
/// </summary>
public sealed record PlanGroup(PlanGroupKind Kind, string Subject, string? EniId, PhysicalAddress? Mac, ValueList<PlanStep> Steps);
