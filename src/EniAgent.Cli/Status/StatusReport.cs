using EniAgent.Cli.Reconciliation;
using EniAgent.Core;
using EniAgent.Core.Desired;
using EniAgent.Core.Planning;

namespace EniAgent.Cli.Status;

/// <summary>Pure: a dry-run outcome (+ the state's slot book) → one status row per ENI.</summary>
internal static class StatusReport
{
    public static IReadOnlyList<EniStatus> Build(ReconcileOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var state = outcome.State;
        var rows = new List<EniStatus>();
        var kernel = outcome.Kernel;
        foreach (var decision in outcome.Desired.Decisions)
        {
            var spec = outcome.Desired.Enis.FirstOrDefault(e => e.EniId == decision.EniId && decision.EniId is not null);
            var link = decision.Mac is null ? null : kernel.FindLink(decision.Mac);
            var actual = link is null ? [] : kernel.AddressesOf(link.Index).Select(a => a.Address.ToString()).ToValueList();
            var group = outcome.Plan.Groups.FirstOrDefault(g => g.Kind == PlanGroupKind.Eni && g.EniId == decision.EniId);
            var pending = group?.Steps.Select(s => s.Describe()).ToValueList() ?? [];
            var skipped = decision.Ipv6Skipped is { } skip ? $"; IPv6 skipped: {skip.Why}" : string.Empty;
            var (stateValue, reason) = decision.Disposition switch
            {
                EniDisposition.Managed when pending.Count == 0 => (EniState.Configured, "kernel matches the desired state" + skipped),
                EniDisposition.Managed => (EniState.Drifted, $"{pending.Count} change(s) pending; run eniagent reconcile" + skipped),
                EniDisposition.Pending => (EniState.Pending, decision.Reason),
                EniDisposition.Invalid or EniDisposition.NoSlot => (EniState.Invalid, decision.Reason),
                _ => (EniState.Excluded, decision.Reason),
            };
            rows.Add(new EniStatus(
                decision.EniId,
                decision.Mac is null ? null : MacAddress.Format(decision.Mac),
                decision.InterfaceName,
                decision.Role?.ToString().ToLowerInvariant(),
                stateValue,
                reason,
                spec?.Slot,
                spec?.Table,
                spec?.Addresses.Select(a => a.Address.ToString()).ToValueList() ?? [],
                actual,
                spec?.Rules.Select(r => r.ToString()).ToValueList() ?? [],
                pending)
            {
                Ipv6Skipped = decision.Ipv6Skipped?.Why,
            });
        }

        var listed = outcome.Desired.Decisions.Select(d => d.EniId).Where(id => id is not null).ToHashSet(StringComparer.Ordinal);
        var stale = outcome.Plan.Groups.Where(g => g.Kind == PlanGroupKind.Stale).SelectMany(g => g.Steps).Select(s => s.Describe()).ToValueList();
        foreach (var record in state.Slots.Where(s => !listed.Contains(s.EniId)))
        {
            var detached = record.DetachedAt is { } at ? $" since {at:yyyy-MM-dd HH:mm:ss}Z" : string.Empty;
            rows.Add(new EniStatus(
                record.EniId, null, null, "secondary", EniState.Absent,
                $"not in metadata{detached}; slot {record.Slot} kept for re-attach" + (stale.Count > 0 ? $"; {stale.Count} leftover object(s) to remove" : string.Empty),
                record.Slot, null, [], [], [], stale));
        }

        return rows;
    }
}
