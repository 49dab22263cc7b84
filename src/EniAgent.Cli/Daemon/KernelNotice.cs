namespace EniAgent.Cli.Daemon;

/// <summary>One relevant kernel change, as the event pump hands it to the loop.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Key">Identifies the change so the loop can recognise its own (<see cref="OwnChanges"/>).</param>
/// <param name="Link">The link, for <see cref="KernelNoticeKind.LinkAppeared"/> and <see cref="KernelNoticeKind.LinkGone"/>.</param>
internal sealed record KernelNotice(KernelNoticeKind Kind, string Key, LinkView? Link = null);
