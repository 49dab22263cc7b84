using System.Collections.Immutable;
using EniAgent.Core.Desired;

namespace EniAgent.Core.State;

/// <summary>
/// Pure bookkeeping of routing slots across attach and detach: attached ENIs keep their slot, detached ones keep
/// theirs in reserve (stamped with the detach time), new ENIs take the lowest free slot, and only when none is
/// free is the longest-detached reservation reclaimed.
/// </summary>
public static class SlotBook
{
    public static SlotReconciliation Reconcile(
        AgentState state,
        IEnumerable<string> attachedEniIds,
        RoutingLayout layout,
        Func<int, bool> isForeignInUse,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(layout);
        var attached = attachedEniIds.ToHashSet(StringComparer.Ordinal);

        // Reservations beyond a (since reduced) max-enis are void; attached ENIs among them get a new slot.
        var records = state.Slots
            .Where(s => s.Slot >= 0 && s.Slot < layout.Options.MaxSlots)
            .Select(s => s with { DetachedAt = attached.Contains(s.EniId) ? null : s.DetachedAt ?? now })
            .ToDictionary(s => s.EniId, StringComparer.Ordinal);

        var evicted = new List<SlotRecord>();
        while (true)
        {
            var slots = SlotAllocator.Allocate(
                records.Values.ToDictionary(r => r.EniId, r => r.Slot, StringComparer.Ordinal),
                attached,
                layout,
                isForeignInUse,
                out var unallocated);

            var victim = unallocated.IsEmpty
                ? null
                : records.Values.Where(r => !r.IsAttached).OrderBy(r => r.DetachedAt).ThenBy(r => r.EniId, StringComparer.Ordinal).FirstOrDefault();
            if (victim is null)
            {
                var final = slots.Select(kv => records.TryGetValue(kv.Key, out var r) ? r : new SlotRecord(kv.Key, kv.Value, null));
                return new SlotReconciliation(
                    state.WithSlots(final),
                    slots.Where(kv => attached.Contains(kv.Key)).ToImmutableSortedDictionary(StringComparer.Ordinal),
                    unallocated.Order(StringComparer.Ordinal).ToValueList(),
                    evicted.ToValueList());
            }

            records.Remove(victim.EniId);
            evicted.Add(victim);
        }
    }
}
