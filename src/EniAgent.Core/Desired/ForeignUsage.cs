using EniAgent.Core.Kernel;

namespace EniAgent.Core.Desired;

/// <summary>
/// Which layout slots someone else already uses: a table holding routes of another protocol, a rule of
/// another protocol at one of the slot's priorities, or a foreign rule looking up the slot's table.
/// Such slots are never allocated (the collision is reported instead). Rules of another protocol shaped exactly like
/// the layout's (the distro's stack applying our persisted files: NetworkManager tags them with its own protocol) are
/// not foreign, and neither are routes of another protocol in a table such rules look up.
/// </summary>
public sealed class ForeignUsage
{
    private readonly HashSet<uint> _tables = [];
    private readonly HashSet<uint> _priorities = [];
    private readonly RoutingLayout _layout;

    public ForeignUsage(KernelSnapshot kernel, RoutingLayout layout)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
        var ours = layout.Options.Protocol;
        var foreignRules = kernel.Rules.Where(r => r.Protocol != ours).ToList();
        var stackTables = foreignRules.Where(IsLayoutShaped).Select(r => r.Table).ToHashSet();
        foreach (var route in kernel.Routes.Where(r => r.Protocol != ours && layout.IsLayoutTable(r.Table) && !stackTables.Contains(r.Table)))
        {
            _tables.Add(route.Table);
        }

        foreach (var rule in foreignRules.Where(r => !IsLayoutShaped(r)))
        {
            if (layout.IsLayoutPriority(rule.Priority))
            {
                _priorities.Add(rule.Priority);
            }

            if (layout.IsLayoutTable(rule.Table))
            {
                _tables.Add(rule.Table);
            }
        }
    }

    /// <summary>A rule the layout itself would create: <c>from X lookup T suppress_prefixlength 0</c> at the slot's
    /// subnet priority, <c>from X lookup T</c> at its default priority (T the slot's table), or the shared
    /// <c>from all lookup main suppress_prefixlength 0</c>.</summary>
    private bool IsLayoutShaped(RuleSnapshot rule)
    {
        var options = _layout.Options;
        var from = rule.From is { PrefixLength: > 0 };
        var suppressAll = rule.SuppressPrefixLength == 0;
        var plain = rule.SuppressPrefixLength is null or < 0;
        if (rule.Action != RuleAction.ToTable || rule.To is not null || rule.InputInterface is not null || rule.FwMark is not null)
        {
            return false;
        }

        if (rule.Priority == _layout.SuppressPriority)
        {
            return !from && suppressAll && rule.Table == RoutingLayout.MainTable;
        }

        var subnetSlot = (long)rule.Priority - options.PriorityBase;
        if (subnetSlot >= 0 && subnetSlot < options.MaxSlots)
        {
            return from && suppressAll && rule.Table == _layout.TableOf((int)subnetSlot);
        }

        var defaultSlot = (long)rule.Priority - _layout.SuppressPriority - 1;
        return defaultSlot >= 0 && defaultSlot < options.MaxSlots && from && plain && rule.Table == _layout.TableOf((int)defaultSlot);
    }

    public bool IsInUse(int slot) =>
        _tables.Contains(_layout.TableOf(slot)) ||
        _priorities.Contains(_layout.SubnetPriorityOf(slot)) ||
        _priorities.Contains(_layout.DefaultPriorityOf(slot));

    /// <summary>Human-readable collisions, for warnings and <c>eniagent status</c>.</summary>
    public IEnumerable<string> Describe()
    {
        foreach (var table in _tables.Order())
        {
            yield return $"table {table} is used by another tool; its slot is skipped";
        }

        foreach (var priority in _priorities.Order())
        {
            yield return priority == _layout.SuppressPriority
                ? $"rule priority {priority} (the shared main-suppress rule) is also used by another tool"
                : $"rule priority {priority} is used by another tool; its slot is skipped";
        }
    }
}
