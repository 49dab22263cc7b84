using EniAgent.Core.Kernel;

namespace EniAgent.Core.Desired;

/// <summary>
/// Which layout slots someone else already uses: a table holding routes of another protocol, a rule of
/// another protocol at one of the slot's priorities, or a foreign rule looking up the slot's table.
/// Such slots are never allocated (the collision is reported instead). Objects in slots the agent already
/// holds, and the shared main-suppress rule itself, are not foreign: after a reboot the distro's stack
/// re-creates them from our persisted files with its own protocol.
/// </summary>
public sealed class ForeignUsage
{
    private readonly HashSet<uint> _tables = [];
    private readonly HashSet<uint> _priorities = [];
    private readonly RoutingLayout _layout;

    public ForeignUsage(KernelSnapshot kernel, RoutingLayout layout, IEnumerable<int> heldSlots)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(heldSlots);
        _layout = layout;
        var ours = layout.Options.Protocol;
        var held = heldSlots.ToList();
        var heldTables = held.Select(layout.TableOf).ToHashSet();
        var heldPriorities = held.SelectMany(s => new[] { layout.SubnetPriorityOf(s), layout.DefaultPriorityOf(s) }).ToHashSet();
        foreach (var route in kernel.Routes.Where(r => r.Protocol != ours && layout.IsLayoutTable(r.Table) && !heldTables.Contains(r.Table)))
        {
            _tables.Add(route.Table);
        }

        var suppress = layout.SuppressRule(System.Net.Sockets.AddressFamily.InterNetwork);
        foreach (var rule in kernel.Rules.Where(r => r.Protocol != ours && !heldTables.Contains(r.Table) && !heldPriorities.Contains(r.Priority)))
        {
            if (rule is { Table: RoutingLayout.MainTable, SuppressPrefixLength: 0 } && (rule.From is null || rule.From.Value.PrefixLength == 0) && rule.Priority == suppress.Priority)
            {
                continue;
            }

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
