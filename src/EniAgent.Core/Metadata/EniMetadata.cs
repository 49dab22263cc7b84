using System.Net;
using System.Net.NetworkInformation;

namespace EniAgent.Core.Metadata;

/// <summary>One validated ENI as the metadata service describes it (field.md §1, per-ENI items).</summary>
public sealed record EniMetadata
{
    public required PhysicalAddress Mac { get; init; }

    /// <summary><c>network-interface-id</c>, e.g. <c>eni-bp1b2c0jvnj0g17bxxxx</c>.</summary>
    public required string EniId { get; init; }

    public required IPAddress PrimaryIp { get; init; }

    /// <summary>All private IPv4s incl. the primary, sorted, distinct.</summary>
    public required ValueList<IPAddress> PrivateIpv4s { get; init; }

    /// <summary>The vSwitch subnet (from <c>vswitch-cidr-block</c>, or primary IP + <c>netmask</c>).</summary>
    public required IPNetwork Subnet { get; init; }

    public required IPAddress Gateway { get; init; }

    public string? VSwitchId { get; init; }

    public string? VpcId { get; init; }

    public IPNetwork? VpcCidr { get; init; }

    /// <summary>IPv6 addresses, sorted; empty when the ENI has none.</summary>
    public ValueList<IPAddress> Ipv6s { get; init; } = ValueList<IPAddress>.Empty;

    public IPAddress? Ipv6Gateway { get; init; }

    public IPNetwork? VSwitchIpv6Cidr { get; init; }

    public ValueList<IPNetwork> VpcIpv6Cidrs { get; init; } = ValueList<IPNetwork>.Empty;

    public ValueList<IPNetwork> Ipv4Prefixes { get; init; } = ValueList<IPNetwork>.Empty;

    public ValueList<IPNetwork> Ipv6Prefixes { get; init; } = ValueList<IPNetwork>.Empty;

    /// <summary>Private IPv4s other than the primary one.</summary>
    public IEnumerable<IPAddress> SecondaryIpv4s => PrivateIpv4s.Where(ip => !ip.Equals(PrimaryIp));
}
