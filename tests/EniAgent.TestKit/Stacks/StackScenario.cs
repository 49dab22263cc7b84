using System.Net;
using System.Net.NetworkInformation;
using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;
using EniAgent.Core.Metadata;

namespace EniAgent.TestKit.Stacks;

/// <summary>
/// The instance the stack tests emulate: a primary ENI (eth0, 10.0.0.10/24) and two secondary ENIs, eth1 with two
/// IPv4s, a delegated /28, IPv6 and a vSwitch of its own, and eth2 in the primary's vSwitch. Specs come from the
/// real <see cref="DesiredStateBuilder"/> over the links the kernel reports, as in the agent.
/// </summary>
public sealed class StackScenario
{
    public static readonly PhysicalAddress PrimaryMac = PhysicalAddress.Parse("00-16-3E-5A-00-10");

    public StackScenario(bool secondIpOnEth1 = true)
    {
        var eth1Ips = secondIpOnEth1 ? new[] { "10.0.1.20", "10.0.1.21" } : ["10.0.1.20"];
        Enis =
        [
            ("eth0", Eni("00-16-3E-5A-00-10", "eni-stack0000", "10.0.0.0/24", "10.0.0.253", ["10.0.0.10"])),
            ("eth1", Eni("00-16-3E-5A-00-11", "eni-stack0001", "10.0.1.0/24", "10.0.1.253", eth1Ips) with
            {
                Ipv4Prefixes = [IPNetwork.Parse("10.0.1.32/28")],
                Ipv6s = [IPAddress.Parse("2408:4005:325:a204::e4e")],
                Ipv6Gateway = IPAddress.Parse("2408:4005:325:a204:ffff:ffff:ffff:fff7"),
                VSwitchIpv6Cidr = IPNetwork.Parse("2408:4005:325:a204::/64"),
            }),
            ("eth2", Eni("00-16-3E-5A-00-12", "eni-stack0002", "10.0.0.0/24", "10.0.0.253", ["10.0.0.30"])),
        ];
    }

    public AgentOptions Options { get; init; } = new();

    /// <summary>The ENIs, primary first, with the interface name each gets in the test namespace.</summary>
    public IReadOnlyList<(string Name, EniMetadata Metadata)> Enis { get; }

    public IEnumerable<string> SecondaryNames => Enis.Skip(1).Select(e => e.Name);

    public MetadataSnapshot Metadata => new("i-stacktest", "cn-hangzhou", "cn-hangzhou-h", "ecs.g7.large", PrimaryMac, Enis.Select(e => e.Metadata).ToValueList(), []);

    public RoutingLayout Layout => new(Options.Routing);

    /// <summary>The desired state for the links the kernel has (slots in ENI ID order, as a fresh agent gives them).</summary>
    public DesiredState Desired(KernelSnapshot kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var slots = Enis.Skip(1).Select((e, i) => (e.Metadata.EniId, i)).ToDictionary(x => x.EniId, x => x.i, StringComparer.Ordinal);
        return DesiredStateBuilder.Build(Metadata, kernel.Links, Options, slots);
    }

    private static EniMetadata Eni(string mac, string id, string subnet, string gateway, string[] ips) => new()
    {
        Mac = PhysicalAddress.Parse(mac),
        EniId = id,
        PrimaryIp = IPAddress.Parse(ips[0]),
        PrivateIpv4s = ips.Select(IPAddress.Parse).ToValueList(),
        Subnet = IPNetwork.Parse(subnet),
        Gateway = IPAddress.Parse(gateway),
        VpcCidr = IPNetwork.Parse("10.0.0.0/16"),
    };
}
