using EniAgent.Core.Desired;

namespace EniAgent.Core.Planning;

public sealed record AddRuleStep(RuleSpec Rule, byte Protocol) : PlanStep
{
    public override PlanStepKind Kind => PlanStepKind.AddRule;

    public override string Describe() => $"+ rule {Rule}";
}
