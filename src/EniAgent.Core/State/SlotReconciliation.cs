using System.Collections.Immutable;

namespace EniAgent.Core.State;

/// <summary>The outcome of <see cref="SlotBook.Reconcile"/>.</summary>
public sealed record SlotReconciliation(
    AgentState State,
    ImmutableSortedDictionary<string, int> AttachedSlots,
    ValueList<string> Unallocated,
    ValueList<SlotRecord> Evicted);
