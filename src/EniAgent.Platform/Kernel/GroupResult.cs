using EniAgent.Core;
using EniAgent.Core.Planning;

namespace EniAgent.Platform.Kernel;

/// <summary>What happened to one plan group: the steps applied, and the failing step with its error.</summary>
public sealed record GroupResult(PlanGroup Group, ValueList<PlanStep> Applied, PlanStep? FailedStep, string? Error)
{
    public bool Succeeded => FailedStep is null;
}
