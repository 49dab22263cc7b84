using System.Collections.Immutable;

namespace EniAgent.Core.Desired;

/// <summary>
/// Gives each secondary ENI a stable slot (its table and rule priorities derive from it). Existing
/// allocations are kept for as long as the caller keeps them; new ENIs take the lowest slot that is neither
/// allocated nor in use by someone else's table or rule priority.
/// </summary>
public static class SlotAllocator
{
    public static ImmutableSortedDictionary<string, int> Allocate(
        IReadOnlyDictionary<string, int> existing,
        IEnumerable<string> eniIds,
        RoutingLayout layout,
        Func<int, bool> isForeignInUse,
        out ImmutableArray<string> unallocated)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(isForeignInUse);
        var result = existing.ToImmutableSortedDictionary(StringComparer.Ordinal).ToBuilder();
        var taken = new HashSet<int>(existing.Values);
        var missing = ImmutableArray.CreateBuilder<string>();
        var next = 0;
        foreach (var id in eniIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (result.ContainsKey(id))
            {
                continue;
            }

            while (next < layout.Options.MaxSlots && (taken.Contains(next) || isForeignInUse(next)))
            {
                next++;
            }

            if (next >= layout.Options.MaxSlots)
            {
                missing.Add(id);
                continue;
            }

            result[id] = next;
            taken.Add(next);
        }

        unallocated = missing.ToImmutable();
        return result.ToImmutable();
    }
}
