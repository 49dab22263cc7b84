using System.Net;
using System.Net.NetworkInformation;
using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;
using EniAgent.Core.Metadata;

namespace EniAgent.Rendering.Tests;

/// <summary>Typed metadata for each golden scenario, turned into specs by the real DesiredStateBuilder.</summary>
internal static class Scenarios
{
    public static readonly string[] Names = ["single", "many-ips", "ipv6", "prefixes", "three-enis", "dhcp", "primary-optin"];

    public static RenderRequest Request(string name, IfcfgFlavor flavor = IfcfgFlavor.NetworkManager)
    {
        var (metadata, options) = Build(name);
        var state = Desired(metadata, options);
        return RenderRequest.FromDesired(state, options, flavor);
    }

    public static DesiredState Desired(MetadataSnapshot metadata, AgentOptions options)
    {
        var links = metadata.Enis.Select((e, i) => new LinkSnapshot(i + 2, $"eth{Index(e)}", e.Mac, 1500, true, true, null)).ToList();
        var slots = metadata.Enis.Where(e => !e.Mac.Equals(metadata.PrimaryMac))
            .OrderBy(e => e.EniId, StringComparer.Ordinal)
            .Select((e, i) => (e.EniId, i))
            .ToDictionary(x => x.EniId, x => x.i, StringComparer.Ordinal);
        return DesiredStateBuilder.Build(metadata, links, options, slots);
    }

    public static (MetadataSnapshot Metadata, AgentOptions Options) Build(string name)
    {
        var options = new AgentOptions();
        var primary = Eni(0, "eni-bp1primary0000", "10.0.0.10", "10.0.0.0/24", "10.0.0.253");
        var enis = new List<EniMetadata> { primary };
        switch (name)
        {
            case "single":
                enis.Add(Eni(1, "eni-bp1second0001", "10.0.1.20", "10.0.1.0/24", "10.0.1.253"));
                break;
            case "many-ips":
                enis.Add(Eni(1, "eni-bp1second0001", "10.0.1.20", "10.0.1.0/24", "10.0.1.253", "10.0.1.9", "10.0.1.21", "10.0.1.100", "10.0.1.22"));
                break;
            case "ipv6":
                enis.Add(Eni(1, "eni-bp1second0001", "10.0.1.20", "10.0.1.0/24", "10.0.1.253") with
                {
                    Ipv6s = [IPAddress.Parse("2408:4005:325:a204::e4f"), IPAddress.Parse("2408:4005:325:a204::e4e")],
                    Ipv6Gateway = IPAddress.Parse("2408:4005:325:a204:ffff:ffff:ffff:fff7"),
                    VSwitchIpv6Cidr = IPNetwork.Parse("2408:4005:325:a204::/64"),
                });
                break;
            case "prefixes":
                enis.Add(Eni(1, "eni-bp1second0001", "10.0.1.20", "10.0.1.0/24", "10.0.1.253") with
                {
                    Ipv4Prefixes = [IPNetwork.Parse("10.0.1.32/28")],
                    Ipv6s = [IPAddress.Parse("2408:4005:325:a204::e4e")],
                    Ipv6Gateway = IPAddress.Parse("2408:4005:325:a204:ffff:ffff:ffff:fff7"),
                    VSwitchIpv6Cidr = IPNetwork.Parse("2408:4005:325:a204::/64"),
                    Ipv6Prefixes = [IPNetwork.Parse("2408:4005:325:a204:1::/80")],
                });
                break;
            case "three-enis":
                enis.Add(Eni(1, "eni-bp1second0001", "10.0.1.20", "10.0.1.0/24", "10.0.1.253", "10.0.1.21"));
                enis.Add(Eni(2, "eni-bp1second0002", "10.0.2.20", "10.0.2.0/24", "10.0.2.253"));
                enis.Add(Eni(3, "eni-bp1second0003", "10.0.0.30", "10.0.0.0/24", "10.0.0.253"));
                break;
            case "dhcp":
                enis.Add(Eni(1, "eni-bp1second0001", "10.0.1.20", "10.0.1.0/24", "10.0.1.253", "10.0.1.21"));
                options = options with { Persist = new PersistOptions { Addressing = AddressingMode.Dhcp } };
                break;
            case "primary-optin":
                enis[0] = Eni(0, "eni-bp1primary0000", "10.0.0.10", "10.0.0.0/24", "10.0.0.253", "10.0.0.11", "10.0.0.12");
                enis.Add(Eni(1, "eni-bp1second0001", "10.0.1.20", "10.0.1.0/24", "10.0.1.253"));
                options = options with { ManagePrimarySecondaryIps = true };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "unknown scenario");
        }

        var metadata = new MetadataSnapshot("i-bp1test", "cn-hangzhou", "cn-hangzhou-h", "ecs.g7.large", primary.Mac, enis.ToValueList(), []);
        return (metadata, options);
    }

    public static PhysicalAddress MacOf(int index) => PhysicalAddress.Parse($"00-16-3E-00-00-{index + 0x10:X2}");

    public static EniMetadata Eni(int index, string id, string primaryIp, string subnet, string gateway, params string[] secondaries) => new()
    {
        Mac = MacOf(index),
        EniId = id,
        PrimaryIp = IPAddress.Parse(primaryIp),
        PrivateIpv4s = secondaries.Prepend(primaryIp).Select(IPAddress.Parse).OrderBy(a => a.GetAddressBytes(), ByteComparer.Instance).ToValueList(),
        Subnet = IPNetwork.Parse(subnet),
        Gateway = IPAddress.Parse(gateway),
        VpcCidr = IPNetwork.Parse("10.0.0.0/16"),
    };

    private static int Index(EniMetadata eni) => eni.Mac.GetAddressBytes()[5] - 0x10;

    private sealed class ByteComparer : IComparer<byte[]>
    {
        public static readonly ByteComparer Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x!.AsSpan().SequenceCompareTo(y);
    }
}
