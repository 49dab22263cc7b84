namespace EniAgent.Cli.Daemon;

/// <summary>Why the daemon wakes up. Several merge into one reconcile.</summary>
[Flags]
internal enum TriggerReasons
{
    None = 0,

    /// <summary>The first pass after start.</summary>
    Startup = 1 << 0,

    /// <summary>A link, address, route or rule changed that the agent did not change itself.</summary>
    KernelChanged = 1 << 1,

    /// <summary>A link appeared (or went) whose MAC metadata does not agree with yet: read metadata now.</summary>
    Hotplug = 1 << 2,

    /// <summary>The regular metadata poll (<c>daemon.poll-interval</c>).</summary>
    Poll = 1 << 3,

    /// <summary>The periodic full resync (<c>daemon.resync-interval</c>).</summary>
    Resync = 1 << 4,

    /// <summary>SIGHUP: reload the configuration, then reconcile.</summary>
    Reload = 1 << 5,

    /// <summary>Netlink dropped events (ENOBUFS): nothing seen so far can be trusted, resync in full.</summary>
    Overrun = 1 << 6,

    /// <summary>The next attempt after metadata failed.</summary>
    MetadataRetry = 1 << 7,

    /// <summary>The next attempt after an ENI (or the whole reconcile) failed to apply.</summary>
    ApplyRetry = 1 << 8,

    /// <summary>The reasons that read metadata again instead of reusing the last good snapshot.</summary>
    NeedsMetadata = Startup | Hotplug | Poll | Resync | Reload | Overrun | MetadataRetry,

    /// <summary>The reasons that reconcile even when metadata did not change.</summary>
    NeedsReconcile = Startup | KernelChanged | Resync | Reload | Overrun | ApplyRetry,
}
