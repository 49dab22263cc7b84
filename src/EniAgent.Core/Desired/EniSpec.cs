using System.Net.NetworkInformation;
using EniAgent.Core.Metadata;

namespace EniAgent.Core.Desired;

/// <summary>
/// Everything the agent wants for one ENI: its link, addresses, routes and rules. The same spec feeds the
/// live reconcile (netlink) and the persisted configuration (renderers).
/// </summary>
public sealed record EniSpec
{
    public required string EniId { get; init; }

    public required PhysicalAddress Mac { get; init; }

    public required EniRole Role { get; init; }

    /// <summary>The kernel link name when the link is present; null while it has not appeared.</summary>
    public string? InterfaceName { get; init; }

    /// <summary>The ENI's slot (stable per ENI ID); tables and priorities derive from it. Null for the primary.</summary>
    public int? Slot { get; init; }

    /// <summary>The ENI's routing table; null for the primary (it uses main).</summary>
    public uint? Table { get; init; }

    /// <summary>Per-link IPv4 settings wanted on the ENI's link; <see cref="LinkSettings.None"/> leaves them alone.</summary>
    public LinkSettings LinkSettings { get; init; } = LinkSettings.None;

    public ValueList<AddressSpec> Addresses { get; init; } = [];

    public ValueList<RouteSpec> Routes { get; init; } = [];

    public ValueList<RuleSpec> Rules { get; init; } = [];

    /// <summary>The metadata the spec was built from (renderers need the gateway and subnet).</summary>
    public required EniMetadata Metadata { get; init; }
}
