using System.Net.Sockets;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;

namespace EniAgent.TestKit.Stacks;

/// <summary>
/// The routing-relevant content of the secondary ENIs, as comparable text lines, whoever created the objects
/// (route protocols, metrics and address lifetimes left out; the planner also counts by content):
/// global addresses on the ENI links (with noprefixroute), routes in the layout's tables, rules at the layout's
/// priorities, and main-table routes through the ENI links (none wanted: the kernel's IPv6 link-local fe80::/64 aside).
/// </summary>
public sealed record KernelContent(SortedSet<string> Addresses, SortedSet<string> Routes, SortedSet<string> Rules, SortedSet<string> MainRoutes)
{
    private static readonly System.Net.IPNetwork LinkLocal = System.Net.IPNetwork.Parse("fe80::/64");

    public static KernelContent Of(KernelSnapshot kernel, RoutingLayout layout, IEnumerable<string> eniLinks)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(layout);
        var names = eniLinks.ToHashSet(StringComparer.Ordinal);
        string NameOf(int? index) => kernel.Links.FirstOrDefault(l => l.Index == index)?.Name ?? $"#{index}";
        var addresses = kernel.Addresses
            .Where(a => a.Scope == RouteScope.Universe && names.Contains(NameOf(a.LinkIndex)))
            .Select(a => Address(NameOf(a.LinkIndex), a.Address, a.Flags));
        var routes = kernel.Routes.Where(r => layout.IsLayoutTable(r.Table))
            .Select(r => Route(r.Table, r.Destination, r.Gateway, NameOf(r.OutLinkIndex), r.PreferredSource));
        var rules = kernel.Rules.Where(r => layout.IsLayoutPriority(r.Priority))
            .Select(r => Rule(r.Family, r.Priority, r.From is { PrefixLength: 0 } ? null : r.From, r.Table, r.SuppressPrefixLength is >= 0 ? r.SuppressPrefixLength : null));
        var main = kernel.Routes.Where(r => r.Table == RoutingLayout.MainTable && names.Contains(NameOf(r.OutLinkIndex)) && !LinkLocal.Contains(r.Destination.BaseAddress))
            .Select(r => Route(r.Table, r.Destination, r.Gateway, NameOf(r.OutLinkIndex), r.PreferredSource));
        return new KernelContent(Set(addresses), Set(routes), Set(rules), Set(main));
    }

    /// <summary>
    /// Our rules and layout-table routes (<paramref name="protocol"/>) that the kernel also holds with the same content
    /// under another protocol: our live copy next to the stack's.
    /// </summary>
    public static IReadOnlyList<string> Duplicates(KernelSnapshot kernel, RoutingLayout layout, byte protocol)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(layout);
        var routes = kernel.Routes.Where(r => layout.IsLayoutTable(r.Table))
            .Select(r => (r.Protocol, Line: Route(r.Table, r.Destination, r.Gateway, $"#{r.OutLinkIndex}", r.PreferredSource)));
        var rules = kernel.Rules.Where(r => layout.IsLayoutPriority(r.Priority))
            .Select(r => (r.Protocol, Line: Rule(r.Family, r.Priority, r.From is { PrefixLength: 0 } ? null : r.From, r.Table, r.SuppressPrefixLength is >= 0 ? r.SuppressPrefixLength : null)));
        return [.. routes.Concat(rules).GroupBy(x => x.Line, StringComparer.Ordinal)
            .Where(g => g.Any(x => x.Protocol == protocol) && g.Any(x => x.Protocol != protocol))
            .Select(g => g.Key)];
    }

    /// <summary>What the desired state says the kernel should hold for the ENIs whose link is present.</summary>
    public static KernelContent Of(DesiredState desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var enis = desired.Enis.Where(e => e.Role == EniRole.Secondary && e.InterfaceName is not null).ToList();
        var addresses = enis.SelectMany(e => e.Addresses.Select(a => Address(e.InterfaceName!, a.Address, a.Flags)));
        var routes = enis.SelectMany(e => e.Routes.Select(r => Route(r.Table, r.Destination, r.Gateway, e.InterfaceName!, r.PreferredSource)));
        var rules = enis.SelectMany(e => e.Rules).Concat(desired.SharedRules).Select(r => Rule(r.Family, r.Priority, r.From, r.Table, r.SuppressPrefixLength));
        return new KernelContent(Set(addresses), Set(routes), Set(rules), Set([]));
    }

    public override string ToString() =>
        $"addresses:\n  {string.Join("\n  ", Addresses)}\nroutes:\n  {string.Join("\n  ", Routes)}\nrules:\n  {string.Join("\n  ", Rules)}\nmain-table routes via ENI links:\n  {string.Join("\n  ", MainRoutes)}";

    private static SortedSet<string> Set(IEnumerable<string> lines) => new(lines, StringComparer.Ordinal);

    private static string Address(string link, Core.InterfaceAddress address, AddressFlags flags) =>
        $"{link} {address}{(flags.HasFlag(AddressFlags.NoPrefixRoute) ? " noprefixroute" : string.Empty)}";

    private static string Route(uint table, System.Net.IPNetwork destination, System.Net.IPAddress? gateway, string link, System.Net.IPAddress? source) =>
        $"table {table} {destination}{(gateway is null ? string.Empty : $" via {gateway}")} dev {link}{(source is null ? string.Empty : $" src {source}")}";

    private static string Rule(AddressFamily family, uint priority, System.Net.IPNetwork? from, uint table, int? suppress) =>
        $"{(family == AddressFamily.InterNetworkV6 ? "v6" : "v4")} {priority}: from {from?.ToString() ?? "all"} lookup {table}{(suppress is { } s ? $" suppress_prefixlength {s}" : string.Empty)}";
}
