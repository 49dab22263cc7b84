namespace EniAgent.Cli.Daemon;

/// <summary>Everything that asked for work since the loop last looked: merged reasons and the kernel changes seen.</summary>
internal sealed record TriggerBatch(TriggerReasons Reasons, IReadOnlyList<KernelNotice> Notices)
{
    public static TriggerBatch Empty { get; } = new(TriggerReasons.None, []);

    public bool IsEmpty => Reasons == TriggerReasons.None && Notices.Count == 0;
}
