namespace EniAgent.Platform.Stacks;

/// <summary>
/// Tells the running network stack to pick up persisted files that just changed, one interface at a time and
/// never by restarting the stack. Never throws for an absent bus or service: the live netlink configuration is
/// already in place, so a stack that cannot be told simply reads the files at its next start.
/// </summary>
public interface INetworkStackNotifier
{
    Task<StackNotifyResult> NotifyAsync(StackChangeSet changes, CancellationToken cancellationToken);
}
