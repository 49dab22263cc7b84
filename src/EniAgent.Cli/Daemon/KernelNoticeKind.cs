namespace EniAgent.Cli.Daemon;

internal enum KernelNoticeKind
{
    /// <summary>An address, route, rule or a link's up/down state changed.</summary>
    Changed,

    /// <summary>A link appeared, was renamed or changed its MAC.</summary>
    LinkAppeared,

    /// <summary>A link went away.</summary>
    LinkGone,
}
