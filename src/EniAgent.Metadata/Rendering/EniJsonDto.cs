namespace EniAgent.Metadata.Rendering;

/// <summary>One valid ENI in <see cref="SnapshotJsonDto"/>.</summary>
internal sealed record EniJsonDto(
    string Mac,
    string EniId,
    bool Primary,
    string PrimaryIp,
    IReadOnlyList<string> PrivateIpv4s,
    string Subnet,
    string Gateway,
    string? VswitchId,
    string? VpcId,
    string? VpcCidr,
    IReadOnlyList<string> Ipv6s,
    string? Ipv6Gateway,
    string? VswitchIpv6Cidr,
    IReadOnlyList<string> VpcIpv6Cidrs,
    IReadOnlyList<string> Ipv4Prefixes,
    IReadOnlyList<string> Ipv6Prefixes);
