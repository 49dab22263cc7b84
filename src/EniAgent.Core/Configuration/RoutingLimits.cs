namespace EniAgent.Core.Configuration;

/// <summary>What the kernel reserves, and whether a <see cref="RoutingOptions"/> layout stays clear of it.</summary>
internal static class RoutingLimits
{
    /// <summary>Priority of the kernel's default <c>lookup main</c> rule; the layout must sit in front of it.</summary>
    public const uint MainRulePriority = 32766;

    public const int MaxEnis = 1000;

    /// <summary>Route protocols 0..4 are the kernel's own (unspec, redirect, kernel, boot, static).</summary>
    public const byte FirstFreeProtocol = 5;

    /// <summary>Tables 0 (unspec), 253 (default), 254 (main) and 255 (local) belong to the kernel.</summary>
    public static readonly IReadOnlyList<uint> ReservedTables = [0, 253, 254, 255];

    /// <summary>Null when the layout's tables (<c>TableBase .. TableBase + MaxSlots - 1</c>) are all usable; else why not.</summary>
    public static string? CheckTables(RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var last = (ulong)options.TableBase + (ulong)options.MaxSlots - 1;
        if (last > uint.MaxValue)
        {
            return $"tables {options.TableBase}..{last} (table-base + max-enis - 1) do not fit in 32 bits";
        }

        foreach (var reserved in ReservedTables)
        {
            if (reserved >= options.TableBase && reserved <= last)
            {
                return $"tables {options.TableBase}..{last} (table-base + max-enis - 1) include the kernel's reserved table {reserved}; keep clear of 0 and 253-255";
            }
        }

        return null;
    }

    /// <summary>Null when every rule priority of the layout lies in 1..32765, in front of the main rule.</summary>
    public static string? CheckPriorities(RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The layout uses PriorityBase + slot, one shared suppress rule, then PriorityBase + MaxSlots + 1 + slot.
        var last = (ulong)options.PriorityBase + (2 * (ulong)options.MaxSlots);
        if (options.PriorityBase == 0)
        {
            return "priority 0 is the kernel's local rule";
        }

        return last >= MainRulePriority
            ? $"rule priorities {options.PriorityBase}..{last} (priority-base + 2 x max-enis) must stay below {MainRulePriority}, the main table's rule"
            : null;
    }
}
