using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;
using EniAgent.Rendering.Text;

namespace EniAgent.Rendering.Renderers;

/// <summary>systemd-networkd sections, shared by the networkd renderer and the netplan renderer's drop-in.</summary>
internal static class NetworkdSections
{
    /// <summary>
    /// <c>[Address]</c> with the spec's flags (<c>AddPrefixRoute=no</c>, <c>DuplicateAddressDetection=none</c>). IPv4
    /// addresses carry <c>Broadcast=no</c>: the live path adds them without a broadcast address, and networkd 250+
    /// hashes a queued address request by its broadcast. When it takes our file before it has read our addresses from
    /// the kernel, it queues them with the broadcast it computes, then learns the kernel's (none), can no longer find
    /// the request to dequeue it and re-sends it in a loop until its netlink reply table is full (ERANGE,
    /// "Failed to configure address: Numerical result out of range"). Equal broadcasts keep the request findable.
    /// </summary>
    public static void Address(FileText text, AddressSpec address)
    {
        text.Line("[Address]").Line($"Address={IpText.Prefix(address.Address)}");
        if (!IpText.IsV6(address.Address.Family))
        {
            text.Line("Broadcast=no");
        }

        if (address.Flags.HasFlag(AddressFlags.NoPrefixRoute))
        {
            text.Line("AddPrefixRoute=no");
        }

        if (address.Flags.HasFlag(AddressFlags.NoDad) && IpText.IsV6(address.Address.Family))
        {
            text.Line("DuplicateAddressDetection=none");
        }

        text.Line();
    }

    /// <summary><c>[Route]</c>; the destination is always explicit so IPv4 and IPv6 default routes cannot be confused.</summary>
    public static void Route(FileText text, RouteSpec route, byte protocol)
    {
        text.Line("[Route]").Line($"Destination={IpText.Prefix(route.Destination)}");
        if (route.Gateway is { } gw)
        {
            text.Line($"Gateway={gw}");
        }

        if (IpText.ScopeName(route.Scope) is { } scope)
        {
            text.Line($"Scope={scope}");
        }

        if (route.PreferredSource is { } src)
        {
            text.Line($"PreferredSource={src}");
        }

        text.Line($"Table={IpText.Num(route.Table)}").Line($"Protocol={IpText.Num(protocol)}").Line();
    }

    /// <summary><c>[RoutingPolicyRule]</c>; rules without a source carry <c>Family=</c> (networkd would assume IPv4).</summary>
    public static void Rule(FileText text, RuleSpec rule)
    {
        text.Line("[RoutingPolicyRule]");
        if (rule.From is { } from)
        {
            text.Line($"From={IpText.Prefix(from)}");
        }
        else
        {
            text.Line($"Family={(IpText.IsV6(rule.Family) ? "ipv6" : "ipv4")}");
        }

        text.Line($"Table={IpText.Num(rule.Table)}").Line($"Priority={IpText.Num(rule.Priority)}");
        if (rule.SuppressPrefixLength is { } s)
        {
            text.Line($"SuppressPrefixLength={IpText.Num(s)}");
        }

        text.Line();
    }
}
