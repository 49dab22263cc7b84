namespace EniAgent.Core.Planning;

/// <summary>An ordered plan: groups apply in order; <see cref="Warnings"/> are conflicts found while planning.</summary>
public sealed record Plan(ValueList<PlanGroup> Groups, ValueList<string> Warnings)
{
    public bool IsEmpty => Groups.All(g => g.Steps.Count == 0);

    public int StepCount => Groups.Sum(g => g.Steps.Count);
}
