namespace EniAgent.Core.Metadata;

/// <summary>The metadata items the agent reads (paths below <c>/latest/meta-data/</c>), shared by every reader.</summary>
public static class MetadataItems
{
    public const string InstanceId = "instance-id";
    public const string RegionId = "region-id";
    public const string ZoneId = "zone-id";
    public const string Mac = "mac";
    public const string InstanceType = "instance/instance-type";

    /// <summary>The directory listing one MAC per line, each ending with <c>/</c>.</summary>
    public const string MacsDirectory = "network/interfaces/macs/";

    public const string NetworkInterfaceId = "network-interface-id";
    public const string PrimaryIpAddress = "primary-ip-address";
    public const string PrivateIpv4s = "private-ipv4s";
    public const string Netmask = "netmask";
    public const string Gateway = "gateway";
    public const string VSwitchId = "vswitch-id";
    public const string VSwitchCidrBlock = "vswitch-cidr-block";
    public const string VpcId = "vpc-id";
    public const string VpcCidrBlock = "vpc-cidr-block";
    public const string Ipv6s = "ipv6s";
    public const string Ipv6Gateway = "ipv6-gateway";
    public const string VSwitchIpv6CidrBlock = "vswitch-ipv6-cidr-block";
    public const string VpcIpv6CidrBlocks = "vpc-ipv6-cidr-blocks";
    public const string Ipv4Prefixes = "ipv4-prefixes";
    public const string Ipv6Prefixes = "ipv6-prefixes";

    /// <summary>Instance-level leaves, as paths below <c>meta-data/</c>.</summary>
    public static IReadOnlyList<string> InstanceLeaves { get; } = [InstanceId, RegionId, ZoneId, Mac, InstanceType];

    /// <summary>Per-ENI leaves below <c>network/interfaces/macs/&lt;mac&gt;/</c>.</summary>
    public static IReadOnlyList<string> EniLeaves { get; } =
    [
        NetworkInterfaceId, PrimaryIpAddress, PrivateIpv4s, Netmask, Gateway, VSwitchId, VSwitchCidrBlock, VpcId,
        VpcCidrBlock, Ipv6s, Ipv6Gateway, VSwitchIpv6CidrBlock, VpcIpv6CidrBlocks, Ipv4Prefixes, Ipv6Prefixes,
    ];
}
