using System.Net.Sockets;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;

namespace EniAgent.Core.Planning;

public sealed record RemoveRuleStep(RuleSnapshot Rule) : PlanStep
{
    public override PlanStepKind Kind => PlanStepKind.RemoveRule;

    public override string Describe() =>
        $"- rule {new RuleSpec(Rule.Family, Rule.Priority, Rule.From, Rule.Table, Rule.SuppressPrefixLength)}";
}
