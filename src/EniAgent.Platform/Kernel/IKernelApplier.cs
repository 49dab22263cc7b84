using EniAgent.Core.Planning;

namespace EniAgent.Platform.Kernel;

/// <summary>Applies plan groups to the kernel.</summary>
public interface IKernelApplier
{
    /// <summary>
    /// Applies a group's steps in order and stops the group at the first failure (its later steps depend
    /// on the earlier ones); never throws for a kernel error, it reports it.
    /// </summary>
    Task<GroupResult> ApplyAsync(PlanGroup group, CancellationToken cancellationToken);
}
