using EniAgent.Core.Kernel;

namespace EniAgent.Core.Planning;

public sealed record RemoveRouteStep(RouteSnapshot Route, string? LinkName) : PlanStep
{
    public override PlanStepKind Kind => PlanStepKind.RemoveRoute;

    public override string Describe() =>
        $"- route {RouteText.Format(Route.Destination, Route.Gateway, LinkName ?? (Route.OutLinkIndex is { } i ? $"#{i}" : null), Route.PreferredSource, Route.Table)}";
}
