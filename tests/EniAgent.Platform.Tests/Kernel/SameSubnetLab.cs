using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Core.Metadata;
using EniAgent.Core.Planning;
using EniAgent.Netlink;
using EniAgent.Platform.Kernel;
using EniAgent.TestKit.Netns;
using Microsoft.Extensions.Logging.Abstractions;

namespace EniAgent.Platform.Tests.Kernel;

/// <summary>
/// Two secondary ENIs in one vSwitch subnet on one L2 segment: namespace "vpc" has a bridge (the vSwitch,
/// gateway 192.168.2.253) and routes for namespace "client" (203.0.113.10); namespace "guest" has eth1
/// (192.168.2.10-12) and eth2 (192.168.2.20-21) on that bridge. The agent's plan is applied in the guest
/// with <see cref="NetlinkKernelApplier"/>. rp_filter and ip_forward are set with sysctl, in these
/// throwaway namespaces only, as a distro image would have them.
/// </summary>
internal sealed class SameSubnetLab : IDisposable
{
    public static readonly PhysicalAddress Eth1Mac = PhysicalAddress.Parse("00-16-3E-00-01-01");
    public static readonly PhysicalAddress Eth2Mac = PhysicalAddress.Parse("00-16-3E-00-01-02");
    public static readonly string[] Eth1Addresses = ["192.168.2.10", "192.168.2.11", "192.168.2.12"];
    public static readonly string[] Eth2Addresses = ["192.168.2.20", "192.168.2.21"];

    private static readonly AgentOptions Options = new();
    private static readonly PhysicalAddress PrimaryMac = PhysicalAddress.Parse("00-16-3E-00-00-01");

    private readonly List<NetworkNamespace> _namespaces = [];

    private SameSubnetLab()
    {
    }

    public NetworkNamespace Vpc { get; private set; } = null!;

    public NetworkNamespace Guest { get; private set; } = null!;

    public NetworkNamespace Client { get; private set; } = null!;

    public RtnlConnection Connection { get; private set; } = null!;

    public static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    /// <summary>Builds the lab; <paramref name="guestRpFilter"/> 1 is strict, 2 loose (all and both ENIs).</summary>
    public static SameSubnetLab Create(int guestRpFilter)
    {
        var lab = new SameSubnetLab();
        try
        {
            lab.Build(guestRpFilter);
            return lab;
        }
        catch
        {
            lab.Dispose();
            throw;
        }
    }

    /// <summary>Observes the guest, builds the desired state and plan, applies every group; returns the plan.</summary>
    public async Task<Plan> ReconcileAsync(Func<PlanStep, bool>? keep = null)
    {
        var plan = await PlanAsync();
        var applier = new NetlinkKernelApplier(Connection, NullLogger<NetlinkKernelApplier>.Instance);
        foreach (var group in plan.Groups)
        {
            var kept = group with { Steps = group.Steps.Where(keep ?? (_ => true)).ToValueList() };
            var result = await applier.ApplyAsync(kept, Timeout);
            Assert.True(result.Succeeded, $"{group.Subject}: {result.FailedStep} failed: {result.Error}");
        }

        return plan;
    }

    public async Task<Plan> PlanAsync()
    {
        var kernel = await new NetlinkKernelProbe(Connection).ReadAsync(Timeout);
        var slots = new Dictionary<string, int> { ["eni-lab00000000000001"] = 0, ["eni-lab00000000000002"] = 1 };
        var desired = DesiredStateBuilder.Build(Metadata(), kernel.Links, Options, slots);
        return Planner.Build(new PlannerInput(desired, kernel, new RoutingLayout(Options.Routing), new Dictionary<PhysicalAddress, IReadOnlySet<InterfaceAddress>>(), new HashSet<PhysicalAddress>(), new HashSet<int>()));
    }

    /// <summary>Pings <paramref name="address"/> once from the client; true when it answered.</summary>
    public bool Ping(string address)
    {
        try
        {
            Client.Exec("ping", "-c1", "-W2", "-q", address);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The MAC the vSwitch's router resolved <paramref name="address"/> to, or null.</summary>
    public PhysicalAddress? RouterNeighbour(string address)
    {
        var entries = Vpc.IpJson("neigh", "show", address, "dev", "vsw");
        return entries.GetArrayLength() == 1 && entries[0].TryGetProperty("lladdr", out var mac)
            ? PhysicalAddress.Parse(mac.GetString()!.Replace(':', '-').ToUpperInvariant())
            : null;
    }

    /// <summary>Forgets every ARP entry of the router, so that the next packet to each address asks again.</summary>
    public void FlushRouterNeighbours() => Vpc.Ip("neigh", "flush", "dev", "vsw");

    /// <summary>Reads a guest /proc/sys/net/ipv4/conf value (never written by the tests).</summary>
    public int GuestConf(string link, string name) =>
        int.Parse(Guest.Exec("cat", $"/proc/sys/net/ipv4/conf/{link}/{name}").Trim(), CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Connection?.Dispose();
        foreach (var ns in _namespaces)
        {
            ns.Dispose();
        }
    }

    private static MetadataSnapshot Metadata()
    {
        var subnet = IPNetwork.Parse("192.168.2.0/24");
        var gateway = IPAddress.Parse("192.168.2.253");
        EniMetadata Eni(string id, PhysicalAddress mac, string[] ips) => new()
        {
            EniId = id,
            Mac = mac,
            PrimaryIp = IPAddress.Parse(ips[0]),
            PrivateIpv4s = ips.Select(IPAddress.Parse).ToValueList(),
            Subnet = subnet,
            Gateway = gateway,
        };

        var primary = new EniMetadata
        {
            EniId = "eni-lab00000000000000",
            Mac = PrimaryMac,
            PrimaryIp = IPAddress.Parse("192.168.1.10"),
            PrivateIpv4s = [IPAddress.Parse("192.168.1.10")],
            Subnet = IPNetwork.Parse("192.168.1.0/24"),
            Gateway = IPAddress.Parse("192.168.1.253"),
        };
        return new MetadataSnapshot(
            "i-lab", null, null, null, PrimaryMac,
            [primary, Eni("eni-lab00000000000001", Eth1Mac, Eth1Addresses), Eni("eni-lab00000000000002", Eth2Mac, Eth2Addresses)],
            []);
    }

    private void Build(int guestRpFilter)
    {
        Vpc = Add(NetworkNamespace.Create("eniav"));
        Guest = Add(NetworkNamespace.Create("eniag"));
        Client = Add(NetworkNamespace.Create("eniac"));

        Vpc.Ip("link", "add", "name", "vsw", "type", "bridge");
        Vpc.Ip("address", "add", "192.168.2.253/24", "dev", "vsw");
        Vpc.Ip("link", "set", "vsw", "up");
        Vpc.Exec("sysctl", "-qw", "net.ipv4.ip_forward=1");
        foreach (var (name, mac) in new[] { ("eth1", Eth1Mac), ("eth2", Eth2Mac) })
        {
            Guest.AddVeth(name, "v-" + name, Vpc);
            Guest.Ip("link", "set", name, "address", MacAddress.Format(mac));
            Vpc.Ip("link", "set", "v-" + name, "master", "vsw", "up");
        }

        // New namespaces inherit conf/default from the host, so each ENI gets its value too (the kernel uses
        // the larger of conf/all and the link's).
        Guest.Exec("sysctl", "-qw", $"net.ipv4.conf.all.rp_filter={guestRpFilter}", $"net.ipv4.conf.eth1.rp_filter={guestRpFilter}", $"net.ipv4.conf.eth2.rp_filter={guestRpFilter}");

        Client.AddVeth("c0", "v-client", Vpc);
        Client.Ip("address", "add", "203.0.113.10/24", "dev", "c0");
        Client.Ip("link", "set", "c0", "up");
        Client.Ip("route", "add", "default", "via", "203.0.113.1");
        Vpc.Ip("address", "add", "203.0.113.1/24", "dev", "v-client");
        Vpc.Ip("link", "set", "v-client", "up");

        Connection = Guest.OpenConnection();
    }

    private NetworkNamespace Add(NetworkNamespace ns)
    {
        _namespaces.Add(ns);
        return ns;
    }
}
