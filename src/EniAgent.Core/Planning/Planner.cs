using System.Net;
using System.Net.Sockets;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;

namespace EniAgent.Core.Planning;

/// <summary>
/// Pure diff of desired state against the kernel. Adds what is missing, removes only what carries the agent's
/// protocol (routes, rules) or was recorded as the agent's own (addresses), and never touches protected ENIs.
/// Order inside a group: link settings, removals (rules, routes, addresses), link up, addresses, on-link
/// routes, gateway routes, rules.
/// </summary>
public static class Planner
{
    public static Plan Build(PlannerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var protocol = input.Layout.Options.Protocol;
        var kernel = input.Kernel;
        var warnings = new List<string>();
        var groups = new List<PlanGroup>();

        // Only ENIs whose link is present are configured; a pending ENI gets nothing yet.
        var active = new List<(EniSpec Spec, LinkSnapshot Link)>();
        foreach (var spec in input.Desired.Enis)
        {
            if (kernel.FindLink(spec.Mac) is { } link)
            {
                active.Add((spec, link));
            }
        }

        var wantedRules = new HashSet<RuleKey>(input.Desired.SharedRules.Select(RuleKey.Of));
        var wantedRoutes = new HashSet<RouteKey>();
        foreach (var (spec, link) in active)
        {
            wantedRules.UnionWith(spec.Rules.Select(RuleKey.Of));
            wantedRoutes.UnionWith(spec.Routes.Select(r => RouteKey.Of(r, link.Index)));
        }

        var ourRules = kernel.Rules.Where(r => r.Protocol == protocol).ToList();
        var ourRoutes = kernel.Routes.Where(r => r.Protocol == protocol).ToList();
        // Presence is by content, whoever created it (the distro's stack applying our persisted files tags
        // routes and rules with its own protocol); removal is only ever of objects carrying ours.
        var haveRules = new HashSet<RuleKey>(kernel.Rules.Select(RuleKey.Of));

        // Shared rules go in first, so the main table's specific routes win from the first ENI rule on.
        var sharedAdds = input.Desired.SharedRules.Where(r => !haveRules.Contains(RuleKey.Of(r))).Select(r => (PlanStep)new AddRuleStep(r, protocol));
        groups.Add(new PlanGroup(PlanGroupKind.SharedSetup, "shared rules", null, null, sharedAdds.ToValueList()));

        var activeTables = active.Where(a => a.Spec.Table is not null).Select(a => a.Spec.Table!.Value).ToHashSet();
        var activePriorities = active.SelectMany(a => a.Spec.Rules).Select(r => r.Priority).ToHashSet();
        bool IsProtected(uint table, uint priority) =>
            input.ProtectedSlots.Any(s => input.Layout.TableOf(s) == table || input.Layout.SubnetPriorityOf(s) == priority || input.Layout.DefaultPriorityOf(s) == priority);

        // Leftovers of ENIs that are gone: ours, not wanted, and not in a table/priority of an active ENI.
        var stale = new List<PlanStep>();
        foreach (var rule in ourRules.Where(r => !wantedRules.Contains(RuleKey.Of(r)) && r.Priority != input.Layout.SuppressPriority))
        {
            if (!activePriorities.Contains(rule.Priority) && !activeTables.Contains(rule.Table) && !IsProtected(rule.Table, rule.Priority))
            {
                stale.Add(new RemoveRuleStep(rule));
            }
        }

        foreach (var route in ourRoutes.Where(r => !wantedRoutes.Contains(RouteKey.Of(r)) && !activeTables.Contains(r.Table)))
        {
            if (!IsProtected(route.Table, 0))
            {
                stale.Add(new RemoveRouteStep(route, kernel.Links.FirstOrDefault(l => l.Index == route.OutLinkIndex)?.Name));
            }
        }

        foreach (var (mac, owned) in input.OwnedAddresses)
        {
            if (input.ProtectedMacs.Contains(mac) || active.Any(a => a.Spec.Mac.Equals(mac)) || kernel.FindLink(mac) is not { } link)
            {
                continue;
            }

            // The ENI is no longer managed (gone from metadata, or opt-in withdrawn) but its link remains.
            foreach (var address in kernel.AddressesOf(link.Index).Where(a => owned.Contains(a.Address)))
            {
                stale.Add(new RemoveAddressStep(link.Index, link.Name, address.Address));
            }
        }

        if (stale.Count > 0)
        {
            groups.Add(new PlanGroup(PlanGroupKind.Stale, "detached ENIs", null, null, stale.ToValueList()));
        }

        foreach (var (spec, link) in active.OrderBy(a => a.Spec.Slot ?? -1))
        {
            var steps = EniSteps(spec, link, input, ourRules, ourRoutes, protocol, warnings);
            groups.Add(new PlanGroup(PlanGroupKind.Eni, $"{spec.EniId} ({link.Name})", spec.EniId, spec.Mac, steps.ToValueList()));
        }

        var wantedShared = input.Desired.SharedRules.Select(RuleKey.Of).ToHashSet();
        var foreignRules = ForeignRuleKeys(kernel, protocol);
        // While an ENI is protected (invalid metadata, excluded) its rules stay, and so does the layer they rely on.
        // Our copy of a shared rule the distro's stack also holds (same content, its protocol) goes: the stack's stays.
        var sharedRemoves = ourRules
            .Where(r => r.Priority == input.Layout.SuppressPriority
                && (!wantedShared.Contains(RuleKey.Of(r)) ? input.ProtectedSlots.Count == 0 : foreignRules.Contains(RuleKey.Of(r))))
            .Select(r => (PlanStep)new RemoveRuleStep(r));
        groups.Add(new PlanGroup(PlanGroupKind.SharedTeardown, "shared rules", null, null, sharedRemoves.ToValueList()));

        return new Plan(groups.Where(g => g.Steps.Count > 0).ToValueList(), warnings.ToValueList());
    }

    private static List<PlanStep> EniSteps(EniSpec spec, LinkSnapshot link, PlannerInput input, List<RuleSnapshot> ourRules, List<RouteSnapshot> ourRoutes, byte protocol, List<string> warnings)
    {
        var steps = new List<PlanStep>();
        var kernel = input.Kernel;
        var present = kernel.AddressesOf(link.Index).ToList();
        var owned = input.OwnedAddresses.TryGetValue(spec.Mac, out var o) ? o : new HashSet<InterfaceAddress>();
        var desiredIps = spec.Addresses.Select(a => a.Address.Address).ToHashSet();
        var slotRules = spec.Rules.Select(r => r.Priority).ToHashSet();

        // Link settings before anything else: promote_secondaries must hold before an address is removed (or
        // the kernel drops the link's other addresses of that subnet with it), and arp_ignore before the link
        // goes up (or it answers ARP for the addresses of the other ENIs in its subnet).
        var settings = spec.LinkSettings.ChangesFrom(link.Ipv4);
        if (!settings.IsEmpty)
        {
            steps.Add(new SetLinkDevConfStep(link.Index, link.Name, settings));
        }

        // Removals (reverse order of adds): rules, routes, then addresses. Besides what is no longer wanted, our
        // own copy of an object the distro's stack created from our persisted files goes too (same content, the
        // stack's protocol): the kernel keeps both otherwise, and the stack's copy is the one that survives reboots.
        var wantedRules = spec.Rules.Select(RuleKey.Of).ToHashSet();
        var foreignRules = ForeignRuleKeys(kernel, protocol);
        foreach (var rule in ourRules.Where(r => (slotRules.Contains(r.Priority) || r.Table == spec.Table) && (!wantedRules.Contains(RuleKey.Of(r)) || foreignRules.Contains(RuleKey.Of(r)))))
        {
            steps.Add(new RemoveRuleStep(rule));
        }

        var wantedRoutes = spec.Routes.Select(r => RouteKey.Of(r, link.Index)).ToHashSet();
        var foreignRoutes = kernel.Routes.Where(r => r.Protocol != protocol).Select(RouteKey.Of).ToHashSet();
        var wantedDestinations = spec.Routes.Select(r => r.Destination).ToHashSet();
        foreach (var route in ourRoutes.Where(r => r.Table == spec.Table && (!wantedRoutes.Contains(RouteKey.Of(r)) || foreignRoutes.Contains(RouteKey.Of(r)))).OrderByDescending(r => r.Gateway is null ? 0 : 1))
        {
            // While an ENI is protected (invalid metadata), its vSwitch is unknown: a route to another vSwitch
            // may be its, so it stays until the metadata is readable again (a bad value never removes config).
            if (input.ProtectedSlots.Count > 0 && route.Gateway is not null && route.Destination.PrefixLength > 0 && !wantedDestinations.Contains(route.Destination))
            {
                continue;
            }

            steps.Add(new RemoveRouteStep(route, kernel.Links.FirstOrDefault(l => l.Index == route.OutLinkIndex)?.Name));
        }

        foreach (var address in present.Where(a => owned.Contains(a.Address) && !desiredIps.Contains(a.Address.Address)))
        {
            steps.Add(new RemoveAddressStep(link.Index, link.Name, address.Address));
        }

        if (!link.AdminUp)
        {
            steps.Add(new SetLinkUpStep(link.Index, link.Name));
        }

        // An address already there (e.g. from the distro's DHCP client) counts, whatever its prefix or flags.
        var presentIps = present.Select(a => a.Address.Address).ToHashSet();
        // Presence by content, whoever created it (see Build).
        var haveRoutes = kernel.Routes.Select(RouteKey.Of).ToHashSet();
        var haveRules = kernel.Rules.Select(RuleKey.Of).ToHashSet();

        // IPv4 complete before IPv6 starts: a link without IPv6 never gets IPv6 steps (DesiredStateBuilder skips them),
        // but IPv6 turned off between probe and apply fails a step, stops the group, and must not cost the IPv4 side.
        foreach (var family in (ReadOnlySpan<AddressFamily>)[AddressFamily.InterNetwork, AddressFamily.InterNetworkV6])
        {
            foreach (var address in spec.Addresses.Where(a => a.Address.Address.AddressFamily == family && !presentIps.Contains(a.Address.Address)))
            {
                if (kernel.Addresses.FirstOrDefault(a => a.LinkIndex != link.Index && a.Address.Address.Equals(address.Address.Address)) is { } elsewhere)
                {
                    var other = kernel.Links.FirstOrDefault(l => l.Index == elsewhere.LinkIndex)?.Name ?? $"#{elsewhere.LinkIndex}";
                    warnings.Add($"{spec.EniId} ({link.Name}): address {address.Address.Address} is already on {other}; adding it here too");
                }

                steps.Add(new AddAddressStep(link.Index, link.Name, address));
            }

            var routes = spec.Routes.Where(r => r.Destination.BaseAddress.AddressFamily == family && !haveRoutes.Contains(RouteKey.Of(r, link.Index)));
            foreach (var route in routes.OrderBy(r => r.Gateway is null ? 0 : 1))
            {
                steps.Add(new AddRouteStep(link.Index, link.Name, route, protocol));
            }

            foreach (var rule in spec.Rules.Where(r => r.Family == family && !haveRules.Contains(RuleKey.Of(r))).OrderBy(r => r.Priority))
            {
                steps.Add(new AddRuleStep(rule, protocol));
            }
        }

        return steps;
    }

    private static HashSet<RuleKey> ForeignRuleKeys(KernelSnapshot kernel, byte protocol) =>
        kernel.Rules.Where(r => r.Protocol != protocol).Select(RuleKey.Of).ToHashSet();

    private readonly record struct RuleKey(System.Net.Sockets.AddressFamily Family, uint Priority, IPNetwork? From, uint Table, int? Suppress)
    {
        public static RuleKey Of(RuleSpec r) => new(r.Family, r.Priority, r.From, r.Table, r.SuppressPrefixLength);

        public static RuleKey Of(RuleSnapshot r) =>
            new(r.Family, r.Priority, r.From is { PrefixLength: 0 } ? null : r.From, r.Table, r.SuppressPrefixLength is >= 0 ? r.SuppressPrefixLength : null);
    }

    private readonly record struct RouteKey(uint Table, IPNetwork Destination, IPAddress? Gateway, int Link, IPAddress? Source)
    {
        public static RouteKey Of(RouteSpec r, int link) => new(r.Table, r.Destination, r.Gateway, link, r.PreferredSource);

        public static RouteKey Of(RouteSnapshot r) => new(r.Table, r.Destination, r.Gateway, r.OutLinkIndex ?? 0, r.PreferredSource);
    }
}
