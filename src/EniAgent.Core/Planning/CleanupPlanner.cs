using System.Net.NetworkInformation;
using EniAgent.Core.Kernel;

namespace EniAgent.Core.Planning;

/// <summary>
/// Pure: the plan that removes everything the agent owns — rules and routes carrying its protocol, and the
/// addresses it recorded as added by itself — and nothing else (<c>eniagent clean</c>).
/// </summary>
public static class CleanupPlanner
{
    public static Plan Build(KernelSnapshot kernel, byte protocol, IReadOnlyDictionary<PhysicalAddress, IReadOnlySet<InterfaceAddress>> ownedAddresses)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(ownedAddresses);
        var rules = kernel.Rules.Where(r => r.Protocol == protocol)
            .OrderBy(r => r.Priority)
            .Select(r => (PlanStep)new RemoveRuleStep(r));

        // Gateway routes before the on-link routes they depend on.
        var routes = kernel.Routes.Where(r => r.Protocol == protocol)
            .OrderBy(r => r.Table).ThenBy(r => r.Gateway is null ? 1 : 0)
            .Select(r => (PlanStep)new RemoveRouteStep(r, kernel.Links.FirstOrDefault(l => l.Index == r.OutLinkIndex)?.Name));

        var addresses = new List<PlanStep>();
        foreach (var (mac, owned) in ownedAddresses)
        {
            if (kernel.FindLink(mac) is { } link)
            {
                addresses.AddRange(kernel.AddressesOf(link.Index).Where(a => owned.Contains(a.Address)).Select(a => new RemoveAddressStep(link.Index, link.Name, a.Address)));
            }
        }

        var groups = new[]
        {
            new PlanGroup(PlanGroupKind.Stale, "rules", null, null, rules.ToValueList()),
            new PlanGroup(PlanGroupKind.Stale, "routes", null, null, routes.ToValueList()),
            new PlanGroup(PlanGroupKind.Stale, "addresses", null, null, addresses.ToValueList()),
        };
        return new Plan(groups.Where(g => g.Steps.Count > 0).ToValueList(), []);
    }
}
