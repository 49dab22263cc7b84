using System.Net;

namespace EniAgent.Core.Metadata.Parsing;

/// <summary>The validated IPv6 part of one ENI.</summary>
internal sealed record Ipv6Items(
    ValueList<IPAddress> Addresses,
    IPAddress? Gateway,
    IPNetwork? VSwitchCidr,
    ValueList<IPNetwork> VpcCidrs,
    ValueList<IPNetwork> Prefixes);
