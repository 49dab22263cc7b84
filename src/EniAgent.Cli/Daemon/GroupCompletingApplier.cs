using EniAgent.Core.Planning;
using EniAgent.Platform.Kernel;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// On shutdown, finishes the ENI group in flight and starts no other: an ENI is never left half configured
/// (addresses without their rules). Groups not started are reported as failed with a reason.
/// </summary>
internal sealed class GroupCompletingApplier(IKernelApplier inner) : IKernelApplier
{
    public const string NotStarted = "not started: the daemon is stopping";

    public Task<GroupResult> ApplyAsync(PlanGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (cancellationToken.IsCancellationRequested && group.Steps.Count > 0)
        {
            return Task.FromResult(new GroupResult(group, [], group.Steps[0], NotStarted));
        }

        // Once a group has started, stopping waits for it: each step is one quick netlink request.
        return inner.ApplyAsync(group, CancellationToken.None);
    }
}
