namespace EniAgent.Core.Planning;

public sealed record RemoveAddressStep(int LinkIndex, string LinkName, InterfaceAddress Address) : PlanStep
{
    public override PlanStepKind Kind => PlanStepKind.RemoveAddress;

    public override string Describe() => $"- address {Address} dev {LinkName}";
}
