using EniAgent.Core.Metadata;

namespace EniAgent.Core.Tests.Metadata;

/// <summary>Well-formed raw trees shaped like field.md §1, to be broken one item at a time.</summary>
internal static class RawSamples
{
    public const string PrimaryMac = "00:16:3e:00:00:01";

    public static string MacOf(int n) => $"00:16:3e:00:00:{n:x2}";

    public static Dictionary<string, string> Instance(string mac = PrimaryMac) => new()
    {
        [MetadataItems.InstanceId] = "i-bp67acfmxazb4p8c2xyz",
        [MetadataItems.RegionId] = "cn-hangzhou",
        [MetadataItems.ZoneId] = "cn-hangzhou-i",
        [MetadataItems.Mac] = mac,
        [MetadataItems.InstanceType] = "ecs.g7.large",
    };

    /// <summary>ENI number n: subnet 192.168.n.0/24, primary .20, secondaries .21/.22, gateway .253, IPv6 in 2408:4005:325:a2nn::/64.</summary>
    public static Dictionary<string, string> EniItems(int n) => new()
    {
        [MetadataItems.NetworkInterfaceId] = $"eni-bp1b2c0jvnj0g17b{n:x4}",
        [MetadataItems.PrimaryIpAddress] = $"192.168.{n}.20",
        [MetadataItems.PrivateIpv4s] = $"[\"192.168.{n}.22\",\"192.168.{n}.20\",\"192.168.{n}.21\"]",
        [MetadataItems.Netmask] = "255.255.255.0",
        [MetadataItems.Gateway] = $"192.168.{n}.253",
        [MetadataItems.VSwitchId] = $"vsw-bp1s5fnvk4gn2tws0{n:x4}",
        [MetadataItems.VSwitchCidrBlock] = $"192.168.{n}.0/24",
        [MetadataItems.VpcId] = "vpc-bp1opxu1zkhn00gzv26cj",
        [MetadataItems.VpcCidrBlock] = "192.168.0.0/16",
        [MetadataItems.Ipv6s] = $"[2408:4005:325:a2{n:x2}::e4f,2408:4005:325:a2{n:x2}::e4e]",
        [MetadataItems.Ipv6Gateway] = $"2408:4005:325:a2{n:x2}:ffff:ffff:ffff:fff7",
        [MetadataItems.VSwitchIpv6CidrBlock] = $"2408:4005:325:a2{n:x2}::/64",
        [MetadataItems.VpcIpv6CidrBlocks] = "[2408:4005:325:a200::/56]",
        [MetadataItems.Ipv4Prefixes] = $"192.168.{n}.48/28",
        [MetadataItems.Ipv6Prefixes] = $"2408:4005:325:a2{n:x2}:1::/80",
    };

    public static RawEni Eni(int n, Action<Dictionary<string, string>>? change = null)
    {
        var items = EniItems(n);
        change?.Invoke(items);
        return new RawEni(MacOf(n), items);
    }

    public static RawMetadata Tree(params RawEni[] enis) => new(Instance(), enis);
}
