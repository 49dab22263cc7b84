using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;
using EniAgent.Core.Planning;
using EniAgent.Netlink;

namespace EniAgent.Platform.Kernel;

/// <summary>Translates plan steps into rtnetlink requests (Core types → netlink types).</summary>
internal static class PlanStepRequests
{
    public static NetlinkRequest For(PlanStep step) => step switch
    {
        SetLinkUpStep s => NetlinkRequest.SetLinkUp(s.LinkIndex, up: true),
        SetLinkDevConfStep s => NetlinkRequest.SetLinkIpv4DevConf(s.LinkIndex, DevConfValues(s.Settings)),
        AddAddressStep s => NetlinkRequest.AddAddress(new NetlinkAddress
        {
            LinkIndex = s.LinkIndex,
            Address = s.Address.Address.Address,
            PrefixLength = s.Address.Address.PrefixLength,
            Flags = (NetlinkAddressFlags)(uint)s.Address.Flags,
        }),
        RemoveAddressStep s => NetlinkRequest.DeleteAddress(new NetlinkAddress
        {
            LinkIndex = s.LinkIndex,
            Address = s.Address.Address,
            PrefixLength = s.Address.PrefixLength,
        }),
        AddRouteStep s => NetlinkRequest.AddRoute(new NetlinkRoute
        {
            Destination = s.Route.Destination,
            Table = s.Route.Table,
            Gateway = s.Route.Gateway,
            OutputLinkIndex = s.LinkIndex,
            PreferredSource = s.Route.PreferredSource,
            Protocol = (NetlinkRouteProtocol)s.Protocol,
            Scope = (NetlinkScope)(byte)s.Route.Scope,
        }),
        RemoveRouteStep s => NetlinkRequest.DeleteRoute(new NetlinkRoute
        {
            Destination = s.Route.Destination,
            Table = s.Route.Table,
            Gateway = s.Route.Gateway,
            OutputLinkIndex = s.Route.OutLinkIndex,
            PreferredSource = s.Route.PreferredSource,
            Protocol = (NetlinkRouteProtocol)s.Route.Protocol,
            Scope = (NetlinkScope)(byte)s.Route.Scope,
            Type = (NetlinkRouteType)(byte)s.Route.Type,
            Priority = s.Route.Metric,
        }),
        AddRuleStep s => NetlinkRequest.AddRule(new NetlinkRule
        {
            Family = s.Rule.Family,
            Priority = s.Rule.Priority,
            Source = s.Rule.From,
            Table = s.Rule.Table,
            Protocol = (NetlinkRouteProtocol)s.Protocol,
            SuppressPrefixLength = s.Rule.SuppressPrefixLength,
        }),
        RemoveRuleStep s => NetlinkRequest.DeleteRule(new NetlinkRule
        {
            Family = s.Rule.Family,
            Priority = s.Rule.Priority,
            Source = s.Rule.From,
            Destination = s.Rule.To,
            Table = s.Rule.Table,
            Protocol = (NetlinkRouteProtocol)s.Rule.Protocol,
            SuppressPrefixLength = s.Rule.SuppressPrefixLength is >= 0 ? s.Rule.SuppressPrefixLength : null,
            Action = (NetlinkRuleAction)(byte)s.Rule.Action,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "unknown plan step"),
    };

    /// <summary>Errors that mean the change is already in effect (a race with another writer, or the kernel).</summary>
    public static bool AlreadyInEffect(PlanStep step, Errno errno) => (step.Kind, errno) switch
    {
        (PlanStepKind.AddAddress or PlanStepKind.AddRoute or PlanStepKind.AddRule, Errno.EEXIST) => true,
        (PlanStepKind.RemoveAddress or PlanStepKind.RemoveRoute or PlanStepKind.RemoveRule, Errno.ENOENT or Errno.ESRCH or Errno.EADDRNOTAVAIL) => true,
        _ => false,
    };

    internal static Dictionary<NetlinkIpv4DevConfId, uint> DevConfValues(LinkSettings settings)
    {
        var values = new Dictionary<NetlinkIpv4DevConfId, uint>();
        if (settings.ArpIgnore is { } ignore)
        {
            values[NetlinkIpv4DevConfId.ArpIgnore] = ignore;
        }

        if (settings.ArpAnnounce is { } announce)
        {
            values[NetlinkIpv4DevConfId.ArpAnnounce] = announce;
        }

        if (settings.PromoteSecondaries is { } promote)
        {
            values[NetlinkIpv4DevConfId.PromoteSecondaries] = promote;
        }

        return values;
    }

    internal static AddressFlags ToCore(NetlinkAddressFlags flags) => (AddressFlags)(uint)flags;
}
