using System.Net;
using System.Net.NetworkInformation;
using EniAgent.Core;
using EniAgent.Core.Kernel;
using EniAgent.Core.Metadata;

namespace EniAgent.Core.Tests.Desired;

/// <summary>Typed metadata and kernel fixtures: a primary in 192.168.1.0/24 and secondaries in 192.168.2.0/24.</summary>
internal static class Fixtures
{
    public static readonly PhysicalAddress PrimaryMac = Mac("00:16:3e:00:00:01");

    public static PhysicalAddress Mac(string text) => MacAddress.TryParse(text, out var mac) ? mac : throw new ArgumentException(text);

    public static PhysicalAddress SecondaryMac(int n) => Mac($"00:16:3e:00:01:{n:x2}");

    public static EniMetadata Primary() => new()
    {
        Mac = PrimaryMac,
        EniId = "eni-primary0000000001",
        PrimaryIp = IPAddress.Parse("192.168.1.10"),
        PrivateIpv4s = [IPAddress.Parse("192.168.1.10"), IPAddress.Parse("192.168.1.11")],
        Subnet = IPNetwork.Parse("192.168.1.0/24"),
        Gateway = IPAddress.Parse("192.168.1.253"),
    };

    public static EniMetadata Secondary(int n, int extraIps = 0, bool ipv6 = false) => new()
    {
        Mac = SecondaryMac(n),
        EniId = $"eni-second{n:d11}",
        PrimaryIp = IPAddress.Parse($"192.168.2.{10 * n}"),
        PrivateIpv4s = Enumerable.Range(0, extraIps + 1).Select(i => IPAddress.Parse($"192.168.2.{(10 * n) + i}")).ToValueList(),
        Subnet = IPNetwork.Parse("192.168.2.0/24"),
        Gateway = IPAddress.Parse("192.168.2.253"),
        Ipv6s = ipv6 ? [IPAddress.Parse($"2408:4005:325:a204::{n:x}")] : [],
        Ipv6Gateway = ipv6 ? IPAddress.Parse("2408:4005:325:a204:ffff:ffff:ffff:fff7") : null,
        VSwitchIpv6Cidr = ipv6 ? IPNetwork.Parse("2408:4005:325:a204::/64") : null,
    };

    public static MetadataSnapshot Snapshot(params EniMetadata[] secondaries) =>
        new("i-test", "cn-hangzhou", "cn-hangzhou-k", "ecs.g7.large", PrimaryMac, new[] { Primary() }.Concat(secondaries).ToValueList(), []);

    public static LinkSnapshot Link(int index, string name, PhysicalAddress mac, bool up = true) => new(index, name, mac, 1500, up, up, "veth");
}
