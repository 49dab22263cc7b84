using System.Net;
using System.Net.Sockets;
using EniAgent.Core.Configuration;
using EniAgent.Core.Kernel;
using EniAgent.Core.Metadata;

namespace EniAgent.Core.Desired;

/// <summary>
/// The policy routing layout (docs/routing.md). Each secondary ENI owns one table per family holding its
/// vSwitch subnet (on-link), the other ENIs' vSwitch subnets and a default route, all via the ENI. Rules, in order:
/// <list type="number">
/// <item><c>PriorityBase + slot</c>: <c>from &lt;ENI address&gt; lookup T suppress_prefixlength 0</c> — VPC-local destinations leave by the ENI.</item>
/// <item><c>PriorityBase + MaxSlots</c>: <c>from all lookup main suppress_prefixlength 0</c> — more specific main routes (containers, bridges) still win.</item>
/// <item><c>PriorityBase + MaxSlots + 1 + slot</c>: <c>from &lt;ENI address&gt; lookup T</c> — everything else leaves by the ENI's gateway.</item>
/// </list>
/// The main table is never touched, so the primary keeps the only default route.
/// </summary>
public sealed class RoutingLayout
{
    public const uint MainTable = 254;

    private readonly RoutingOptions _options;

    public RoutingLayout(RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public RoutingOptions Options => _options;

    public uint TableOf(int slot) => _options.TableBase + (uint)slot;

    public uint SubnetPriorityOf(int slot) => _options.PriorityBase + (uint)slot;

    public uint SuppressPriority => _options.PriorityBase + (uint)_options.MaxSlots;

    public uint DefaultPriorityOf(int slot) => SuppressPriority + 1 + (uint)slot;

    /// <summary>Every table number the layout may use.</summary>
    public bool IsLayoutTable(uint table) => table >= _options.TableBase && table < _options.TableBase + (uint)_options.MaxSlots;

    /// <summary>Every rule priority the layout may use.</summary>
    public bool IsLayoutPriority(uint priority) =>
        priority >= _options.PriorityBase && priority <= DefaultPriorityOf(_options.MaxSlots - 1);

    /// <summary>The shared "main wins unless default" rule for a family.</summary>
    public RuleSpec SuppressRule(AddressFamily family) => new(family, SuppressPriority, null, MainTable, 0);

    /// <summary>Routes of a secondary ENI's table for one family.</summary>
    public IEnumerable<RouteSpec> RoutesFor(EniMetadata eni, uint table, IEnumerable<IPNetwork> otherSubnets, bool ipv6)
    {
        ArgumentNullException.ThrowIfNull(eni);
        yield return new RouteSpec(table, eni.Subnet, null, RouteScope.Link, eni.PrimaryIp);
        foreach (var subnet in otherSubnets.Where(s => s.BaseAddress.AddressFamily == AddressFamily.InterNetwork).Distinct().OrderBy(s => s.ToString(), StringComparer.Ordinal))
        {
            if (!subnet.Equals(eni.Subnet))
            {
                yield return new RouteSpec(table, subnet, eni.Gateway, RouteScope.Universe, eni.PrimaryIp);
            }
        }

        yield return new RouteSpec(table, new IPNetwork(IPAddress.Any, 0), eni.Gateway, RouteScope.Universe, eni.PrimaryIp);

        if (ipv6 && eni.Ipv6s.Count > 0 && eni.VSwitchIpv6Cidr is { } v6Subnet)
        {
            yield return new RouteSpec(table, v6Subnet, null, RouteScope.Universe, null);
            foreach (var subnet in otherSubnets.Where(s => s.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6).Distinct().OrderBy(s => s.ToString(), StringComparer.Ordinal))
            {
                if (!subnet.Equals(v6Subnet) && eni.Ipv6Gateway is not null)
                {
                    yield return new RouteSpec(table, subnet, eni.Ipv6Gateway, RouteScope.Universe, null);
                }
            }

            if (eni.Ipv6Gateway is { } gw6)
            {
                yield return new RouteSpec(table, new IPNetwork(IPAddress.IPv6Any, 0), gw6, RouteScope.Universe, null);
            }
        }
    }

    /// <summary>Rules of a secondary ENI: two per source (address or delegated prefix).</summary>
    public IEnumerable<RuleSpec> RulesFor(IEnumerable<IPNetwork> sources, int slot)
    {
        var table = TableOf(slot);
        foreach (var source in sources)
        {
            var family = source.BaseAddress.AddressFamily;
            yield return new RuleSpec(family, SubnetPriorityOf(slot), source, table, 0);
            yield return new RuleSpec(family, DefaultPriorityOf(slot), source, table, null);
        }
    }
}
