using System.Collections.Immutable;
using EniAgent.Core.Desired;

namespace EniAgent.Rendering.Renderers;

/// <summary>
/// One ENI as every renderer sees it: names validated, the addresses to configure statically, its routes and
/// rules (own plus the shared ones of its families) in a fixed order, and its ownership header.
/// </summary>
internal sealed record EniView
{
    public required EniSpec Spec { get; init; }

    public string EniId => Spec.EniId;

    public required string InterfaceName { get; init; }

    /// <summary>Lowercase colon form.</summary>
    public required string Mac { get; init; }

    public bool IsPrimary => Spec.Role == EniRole.Primary;

    /// <summary>True when the ENI's primary IP comes from DHCP (secondary ENIs in dhcp mode).</summary>
    public required bool Dhcp { get; init; }

    /// <summary>Addresses configured statically: the ENI's primary IP first (unless DHCP brings it), then by family and value.</summary>
    public required ImmutableArray<AddressSpec> Addresses { get; init; }

    /// <summary>Routes, IPv4 first; within a family on-link routes first (a gateway must be reachable when its route is added), then longer prefixes first.</summary>
    public required ImmutableArray<RouteSpec> Routes { get; init; }

    /// <summary>Own rules plus the shared rules of the families the ENI routes, IPv4 first, by priority then source.</summary>
    public required ImmutableArray<RuleSpec> Rules { get; init; }

    public required string Header { get; init; }

    public uint Table => Spec.Table ?? 0;
}
