namespace EniAgent.Core.Planning;

public sealed record SetLinkUpStep(int LinkIndex, string LinkName) : PlanStep
{
    public override PlanStepKind Kind => PlanStepKind.SetLinkUp;

    public override string Describe() => $"~ link {LinkName} up";
}
