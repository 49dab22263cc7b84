using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EniAgent.Netlink;

/// <summary>A unicast-style route (RTM_NEWROUTE, single next hop). Used both as read from the kernel and to add or delete one.</summary>
public sealed record NetlinkRoute
{
    /// <summary>RTA_DST with rtm_dst_len; 0.0.0.0/0 or ::/0 for a default route.</summary>
    public required IPNetwork Destination { get; init; }

    /// <summary>Table id; ids above 255 travel in RTA_TABLE.</summary>
    public uint Table { get; init; } = NetlinkRouteTable.Main;

    public IPAddress? Gateway { get; init; }

    /// <summary>RTA_OIF: the output link's ifindex.</summary>
    public int? OutputLinkIndex { get; init; }

    /// <summary>RTA_PREFSRC: the source address for locally originated traffic.</summary>
    public IPAddress? PreferredSource { get; init; }

    public NetlinkRouteProtocol Protocol { get; init; } = NetlinkRouteProtocol.Boot;

    public NetlinkScope Scope { get; init; } = NetlinkScope.Universe;

    public NetlinkRouteType Type { get; init; } = NetlinkRouteType.Unicast;

    /// <summary>RTA_PRIORITY, the metric. IPv6 routes always have one (1024 by default).</summary>
    public uint? Priority { get; init; }

    /// <summary>rtm_flags. Only <see cref="NetlinkRouteFlags.OnLink"/> is sent when adding; the kernel sets the rest.</summary>
    public NetlinkRouteFlags Flags { get; init; }

    public AddressFamily Family => Destination.BaseAddress.AddressFamily;

    public override string ToString()
    {
        var text = new StringBuilder();
        if (Type != NetlinkRouteType.Unicast)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Type} ");
        }

        text.Append(CultureInfo.InvariantCulture, $"{Destination}");
        if (Gateway is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" via {Gateway}");
        }

        if (OutputLinkIndex is { } oif)
        {
            text.Append(CultureInfo.InvariantCulture, $" dev #{oif}");
        }

        if (PreferredSource is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" src {PreferredSource}");
        }

        text.Append(CultureInfo.InvariantCulture, $" table {Table} proto {(byte)Protocol}");
        if (Scope != NetlinkScope.Universe)
        {
            text.Append(CultureInfo.InvariantCulture, $" scope {Scope}");
        }

        if (Priority is { } metric)
        {
            text.Append(CultureInfo.InvariantCulture, $" metric {metric}");
        }

        if (Flags != NetlinkRouteFlags.None)
        {
            text.Append(CultureInfo.InvariantCulture, $" flags {Flags}");
        }

        return text.ToString();
    }
}
