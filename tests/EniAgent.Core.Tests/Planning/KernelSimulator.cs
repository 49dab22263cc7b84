using System.Net.Sockets;
using EniAgent.Core.Kernel;
using EniAgent.Core.Planning;

namespace EniAgent.Core.Tests.Planning;

/// <summary>Applies a plan to a snapshot the way the kernel would report it back (for idempotence tests).</summary>
internal static class KernelSimulator
{
    public static KernelSnapshot Apply(KernelSnapshot kernel, Plan plan)
    {
        var links = kernel.Links.ToList();
        var addresses = kernel.Addresses.ToList();
        var routes = kernel.Routes.ToList();
        var rules = kernel.Rules.ToList();
        foreach (var step in plan.Groups.SelectMany(g => g.Steps))
        {
            switch (step)
            {
                case SetLinkUpStep s:
                    var i = links.FindIndex(l => l.Index == s.LinkIndex);
                    links[i] = links[i] with { AdminUp = true, OperUp = true };
                    break;
                case SetLinkDevConfStep s:
                    var j = links.FindIndex(l => l.Index == s.LinkIndex);
                    var before = links[j].Ipv4 ?? new Ipv4DevConf(0, 0, 0);
                    links[j] = links[j] with
                    {
                        Ipv4 = new Ipv4DevConf(
                            s.Settings.ArpIgnore ?? before.ArpIgnore,
                            s.Settings.ArpAnnounce ?? before.ArpAnnounce,
                            s.Settings.PromoteSecondaries ?? before.PromoteSecondaries),
                    };
                    break;
                case AddAddressStep s:
                    addresses.Add(new AddressSnapshot(s.LinkIndex, s.Address.Address, s.Address.Flags | AddressFlags.Permanent, RouteScope.Universe));
                    break;
                case RemoveAddressStep s:
                    addresses.RemoveAll(a => a.LinkIndex == s.LinkIndex && a.Address == s.Address);
                    break;
                case AddRouteStep s:
                    routes.Add(new RouteSnapshot(s.Route.Family, s.Route.Table, s.Route.Destination, s.Route.Gateway, s.LinkIndex, s.Route.PreferredSource, s.Protocol, s.Route.Scope, RouteType.Unicast, s.Route.Family == AddressFamily.InterNetworkV6 ? 1024u : null));
                    break;
                case RemoveRouteStep s:
                    routes.Remove(s.Route);
                    break;
                case AddRuleStep s:
                    rules.Add(new RuleSnapshot(s.Rule.Family, s.Rule.Priority, s.Rule.From, null, s.Rule.Table, s.Protocol, s.Rule.SuppressPrefixLength ?? -1, RuleAction.ToTable, null, null));
                    break;
                case RemoveRuleStep s:
                    rules.Remove(s.Rule);
                    break;
            }
        }

        // A deleted link takes its addresses and routes with it, as in the kernel; rules stay.
        var indexes = links.Select(l => l.Index).ToHashSet();
        return new KernelSnapshot(links.ToValueList(), addresses.ToValueList(), routes.Where(r => r.OutLinkIndex is null || indexes.Contains(r.OutLinkIndex.Value)).ToValueList(), rules.ToValueList());
    }
}
