using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EniAgent.Netlink;

/// <summary>
/// A policy routing rule (RTM_NEWRULE). Used both as read from the kernel and to add or delete one; a delete
/// sends every field, so it removes only the rule that matches exactly.
/// </summary>
public sealed record NetlinkRule
{
    public required AddressFamily Family { get; init; }

    /// <summary>FRA_PRIORITY (the preference; lower runs first).</summary>
    public uint Priority { get; init; }

    /// <summary>FRA_SRC with src_len; null matches any source.</summary>
    public IPNetwork? Source { get; init; }

    /// <summary>FRA_DST with dst_len; null matches any destination.</summary>
    public IPNetwork? Destination { get; init; }

    /// <summary>FRA_TABLE (ids above 255 only fit there).</summary>
    public uint Table { get; init; } = NetlinkRouteTable.Main;

    /// <summary>FRA_PROTOCOL: who owns the rule.</summary>
    public NetlinkRouteProtocol Protocol { get; init; }

    /// <summary>FRA_SUPPRESS_PREFIXLEN: reject lookups whose route has a prefix this short or shorter; null (not -1) when unset.</summary>
    public int? SuppressPrefixLength { get; init; }

    public NetlinkRuleAction Action { get; init; } = NetlinkRuleAction.ToTable;

    /// <summary>FRA_IIFNAME: only packets arriving on this link.</summary>
    public string? InputInterface { get; init; }

    public uint? FirewallMark { get; init; }

    /// <summary>FRA_FWMASK; the kernel defaults it to all ones when a mark is given without it.</summary>
    public uint? FirewallMask { get; init; }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{(Family == AddressFamily.InterNetworkV6 ? "inet6 " : "")}priority {Priority}");
        if (Source is { } source)
        {
            text.Append(CultureInfo.InvariantCulture, $" from {source}");
        }

        if (Destination is { } destination)
        {
            text.Append(CultureInfo.InvariantCulture, $" to {destination}");
        }

        if (InputInterface is not null)
        {
            text.Append(" iif ").Append(InputInterface);
        }

        if (FirewallMark is { } mark)
        {
            text.Append(CultureInfo.InvariantCulture, $" fwmark 0x{mark:x}");
            if (FirewallMask is { } mask)
            {
                text.Append(CultureInfo.InvariantCulture, $"/0x{mask:x}");
            }
        }

        text.Append(Action == NetlinkRuleAction.ToTable
            ? string.Create(CultureInfo.InvariantCulture, $" lookup {Table}")
            : string.Create(CultureInfo.InvariantCulture, $" {Action}"));
        if (SuppressPrefixLength is { } suppress)
        {
            text.Append(CultureInfo.InvariantCulture, $" suppress_prefixlength {suppress}");
        }

        text.Append(CultureInfo.InvariantCulture, $" proto {(byte)Protocol}");
        return text.ToString();
    }
}
