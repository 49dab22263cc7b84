namespace EniAgent.Platform.Stacks;

/// <summary>
/// Tells the running network stack to pick up persisted files that just changed, one interface at a time and
/// never by restarting the stack. Never throws for an absent bus or service: the live netlink configuration is
/// already in place, so a stack that cannot be told simply reads the files at its next start.
/// </summary>
public interface INetworkStackNotifier
{
    Task<StackNotifyResult> NotifyAsync(StackChangeSet changes, CancellationToken cancellationToken);

    /// <summary>
    /// Checks the devices of the profile files already in place (<paramref name="current"/>: unchanged files of the
    /// ENIs managed now) for NetworkManager's auto-default profile and hands such a device to ours. Asks nothing when
    /// <paramref name="current"/> holds no NetworkManager profile; beyond that, when NetworkManager is not on the bus.
    /// </summary>
    Task<StackNotifyResult> SweepAsync(StackChangeSet current, CancellationToken cancellationToken);
}
