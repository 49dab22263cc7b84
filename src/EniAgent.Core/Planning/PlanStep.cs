namespace EniAgent.Core.Planning;

/// <summary>One kernel change. <see cref="Describe"/> gives the <c>--dry-run</c> line (<c>+</c> add, <c>-</c> remove, <c>~</c> change).</summary>
public abstract record PlanStep
{
    public abstract PlanStepKind Kind { get; }

    public abstract string Describe();

    public sealed override string ToString() => Describe();
}
