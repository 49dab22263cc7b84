using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Netlink;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// Turns netlink events into the few changes that can alter a plan and drops the rest: links added, removed,
/// renamed or set up/down (not carrier flaps); addresses other than IPv6 link-local; routes in the layout's
/// tables or with the agent's protocol; rules at the layout's priorities or with its protocol; IPv6 turned on or
/// off on a link that may be an ENI (disable_ipv6: AF_INET6 RTM_NEWLINK, or the AF_SPEC of a link message). Remembers links
/// between events; only the event pump calls it, so it needs no lock (except the layout, swapped on reload).
/// </summary>
internal sealed class KernelEventFilter
{
    private readonly Dictionary<int, LinkView> _links = [];
    private volatile RoutingLayout _layout;

    public KernelEventFilter(RoutingOptions routing) => _layout = new RoutingLayout(routing);

    /// <summary>Takes effect for the next event (after a configuration reload).</summary>
    public void UseRouting(RoutingOptions routing) => _layout = new RoutingLayout(routing);

    /// <summary>
    /// Replaces what is known of links with a fresh dump (at start, after an overrun) and returns what
    /// changed compared to before: links that appeared or went while events were not seen.
    /// </summary>
    public IReadOnlyList<KernelNotice> Reseed(IEnumerable<NetlinkLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var fresh = links.Select(View).ToDictionary(l => l.Index);
        var notices = new List<KernelNotice>();
        foreach (var gone in _links.Values.Where(old => !fresh.ContainsKey(old.Index)))
        {
            notices.Add(Gone(gone));
        }

        foreach (var link in fresh.Values.Where(l => !_links.TryGetValue(l.Index, out var old) || old.Name != l.Name || !old.Mac.Equals(l.Mac)))
        {
            notices.Add(Appeared(link));
        }

        _links.Clear();
        foreach (var (index, link) in fresh)
        {
            _links[index] = link;
        }

        return notices;
    }

    /// <summary>The change <paramref name="e"/> stands for, or null when it cannot alter a plan.</summary>
    public KernelNotice? Classify(NetlinkEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var added = e.Kind == NetlinkEventKind.New;
        var layout = _layout;
        return e switch
        {
            NetlinkLinkEvent link => ClassifyLink(added, View(link.Link)),
            NetlinkLinkIpv6Event v6 => ClassifyIpv6(v6.LinkIndex, Usable(v6.Ipv6)),
            NetlinkAddressEvent { Address: var a } when !IsLinkLocal(a.Address) && !IPAddress.IsLoopback(a.Address) =>
                Changed(ChangeKeys.Address(added, a.LinkIndex, new InterfaceAddress(a.Address, a.PrefixLength))),
            NetlinkRouteEvent { Route: var r } when layout.IsLayoutTable(r.Table) || (byte)r.Protocol == layout.Options.Protocol =>
                Changed(ChangeKeys.Route(added, r.Table, r.Destination)),
            NetlinkRuleEvent { Rule: var r } when layout.IsLayoutPriority(r.Priority) || (byte)r.Protocol == layout.Options.Protocol =>
                Changed(ChangeKeys.Rule(added, r.Family, r.Priority, r.Source, r.Table)),
            _ => null,
        };
    }

    private static LinkView View(NetlinkLink link) => new(link.Index, link.Name, link.Address, link.IsUp) { Ipv6Usable = Usable(link.Ipv6) };

    private static bool? Usable(NetlinkLinkIpv6 ipv6) => ipv6 switch
    {
        NetlinkLinkIpv6.NotReported => null,
        NetlinkLinkIpv6.Enabled => true,
        _ => false,
    };

    private static bool IsLinkLocal(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv6LinkLocal;

    private static KernelNotice Changed(string key) => new(KernelNoticeKind.Changed, key);

    private static KernelNotice Appeared(LinkView link) => new(KernelNoticeKind.LinkAppeared, $"link* {link.Index}", link);

    private static KernelNotice Gone(LinkView link) => new(KernelNoticeKind.LinkGone, $"link/ {link.Index}", link);

    private KernelNotice? ClassifyLink(bool added, LinkView link)
    {
        if (!added)
        {
            return _links.Remove(link.Index, out var known) ? Gone(known) : Gone(link);
        }

        var before = _links.GetValueOrDefault(link.Index);
        if (before is null || before.Name != link.Name || !before.Mac.Equals(link.Mac))
        {
            _links[link.Index] = link;
            return Appeared(link);
        }

        // A message without IPv6's part says nothing about it: keep what was known.
        _links[link.Index] = link.Ipv6Usable is null ? link with { Ipv6Usable = before.Ipv6Usable } : link;

        // Carrier and operational state come and go on their own; only the administrative state matters to a plan.
        return before.AdminUp != link.AdminUp ? Changed(ChangeKeys.LinkAdmin(link.AdminUp, link.Index)) : Ipv6Turned(before, link.Ipv6Usable);
    }

    private KernelNotice? ClassifyIpv6(int index, bool? usable)
    {
        if (usable is null || !_links.TryGetValue(index, out var before))
        {
            return null;
        }

        _links[index] = before with { Ipv6Usable = usable };
        return Ipv6Turned(before, usable);
    }

    /// <summary>
    /// A notice when IPv6 went on or off on a link that may be an ENI (the plan skips or adds its IPv6); none for
    /// container veths and bridges, nor when the state was not known before (nothing to compare with).
    /// </summary>
    private static KernelNotice? Ipv6Turned(LinkView before, bool? usable) =>
        usable is { } now && before.Ipv6Usable is { } was && now != was && before.MayBeEni
            ? Changed(ChangeKeys.LinkIpv6(now, before.Index))
            : null;
}
