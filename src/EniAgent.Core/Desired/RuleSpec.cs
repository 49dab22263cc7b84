using System.Net;
using System.Net.Sockets;

namespace EniAgent.Core.Desired;

/// <summary>A policy rule the agent wants. <see cref="From"/> null means "from all".</summary>
public sealed record RuleSpec(
    AddressFamily Family,
    uint Priority,
    IPNetwork? From,
    uint Table,
    int? SuppressPrefixLength)
{
    public override string ToString()
    {
        var from = From is { } f ? f.ToString() : "all";
        var table = Table == RoutingLayout.MainTable ? "main" : Table.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var suppress = SuppressPrefixLength is { } s ? $" suppress_prefixlength {s}" : string.Empty;
        var family = Family == AddressFamily.InterNetworkV6 ? "-6 " : string.Empty;
        return $"{family}{Priority}: from {from} lookup {table}{suppress}";
    }
}
