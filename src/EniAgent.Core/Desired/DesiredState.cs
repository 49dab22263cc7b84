namespace EniAgent.Core.Desired;

/// <summary>
/// The whole desired state: a spec per ENI the agent manages (links present or not), the shared rules of
/// the layout, and a decision per ENI listed in metadata.
/// </summary>
public sealed record DesiredState(
    ValueList<EniSpec> Enis,
    ValueList<RuleSpec> SharedRules,
    ValueList<EniDecision> Decisions);
