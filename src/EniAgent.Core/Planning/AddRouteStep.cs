using EniAgent.Core.Desired;

namespace EniAgent.Core.Planning;

public sealed record AddRouteStep(int LinkIndex, string LinkName, RouteSpec Route, byte Protocol) : PlanStep
{
    public override PlanStepKind Kind => PlanStepKind.AddRoute;

    public override string Describe() => $"+ route {RouteText.Format(Route.Destination, Route.Gateway, LinkName, Route.PreferredSource, Route.Table)}";
}
