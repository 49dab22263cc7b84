using EniAgent.Core;
using EniAgent.Core.Planning;
using EniAgent.Netlink;
using Microsoft.Extensions.Logging;

namespace EniAgent.Platform.Kernel;

/// <summary>Applies plan groups step by step over one rtnetlink connection; one log line per change.</summary>
public sealed partial class NetlinkKernelApplier(RtnlConnection connection, ILogger<NetlinkKernelApplier> logger) : IKernelApplier
{
    public async Task<GroupResult> ApplyAsync(PlanGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var applied = new List<PlanStep>();
        // Structured properties for every line of this group (journald / JSON sinks keep them).
        using var scope = group.EniId is null ? null : logger.BeginScope(new Dictionary<string, object?>
        {
            ["EniId"] = group.EniId,
            ["Mac"] = group.Mac is null ? null : MacAddress.Format(group.Mac),
        });
        foreach (var step in group.Steps)
        {
            // A step in flight is finished even when shutdown is requested; the next one is not started.
            if (cancellationToken.IsCancellationRequested)
            {
                return new GroupResult(group, applied.ToValueList(), step, "cancelled before this step");
            }

            try
            {
                await connection.ExecuteAsync(PlanStepRequests.For(step), CancellationToken.None).ConfigureAwait(false);
                LogApplied(logger, group.Subject, step.Describe());
            }
            catch (NetlinkException ex) when (PlanStepRequests.AlreadyInEffect(step, ex.Errno))
            {
                LogAlreadyInEffect(logger, group.Subject, step.Describe(), ex.ErrorName);
            }
            catch (NetlinkException ex)
            {
                LogFailed(logger, group.Subject, step.Describe(), ex.Message);
                return new GroupResult(group, applied.ToValueList(), step, ex.Message);
            }

            applied.Add(step);
        }

        return new GroupResult(group, applied.ToValueList(), null, null);
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "{Subject}: {Change}")]
    private static partial void LogApplied(ILogger logger, string subject, string change);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "{Subject}: {Change} already in effect ({Errno})")]
    private static partial void LogAlreadyInEffect(ILogger logger, string subject, string change, string errno);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "{Subject}: {Change} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string subject, string change, string error);
}
