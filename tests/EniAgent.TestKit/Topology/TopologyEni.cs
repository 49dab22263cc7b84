using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using EniAgent.TestKit.Emulator;

namespace EniAgent.TestKit.Topology;

/// <summary>
/// One ENI of the emulated instance: a veth in the guest namespace (named like the image names it, <c>eth0</c>,
/// <c>eth1</c>, ...) with the ENI's MAC, its peer enslaved to the vSwitch bridge, and what the metadata service says
/// about it. Configure it in the builder; once the topology runs, change it through <see cref="EcsTopology"/> so the
/// kernel, the emulator and this description stay in step.
/// </summary>
public sealed class TopologyEni
{
    private readonly List<IPAddress> _secondaryIps = [];
    private readonly List<IPAddress> _ipv6s = [];
    private readonly List<Action<EniBuilder>> _metadataOverrides = [];

    internal TopologyEni(string name, PhysicalAddress mac, VSwitch vswitch, IPAddress primaryIp, bool isPrimary)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, 13);
        ArgumentNullException.ThrowIfNull(vswitch);
        if (!vswitch.Ipv4Cidr.Contains(primaryIp))
        {
            throw new ArgumentException($"{primaryIp} is not in vSwitch {vswitch.Ipv4Cidr}", nameof(primaryIp));
        }

        Name = name;
        Mac = mac;
        VSwitch = vswitch;
        PrimaryIp = primaryIp;
        IsPrimary = isPrimary;
    }

    /// <summary>The interface name in the guest (<c>eth0</c> is the primary).</summary>
    public string Name { get; }

    public PhysicalAddress Mac { get; private set; }

    public VSwitch VSwitch { get; }

    public IPAddress PrimaryIp { get; }

    public bool IsPrimary { get; }

    public IReadOnlyList<IPAddress> SecondaryIps => _secondaryIps;

    public IReadOnlyList<IPAddress> Ipv6s => _ipv6s;

    /// <summary>Primary IP first, then the secondary IPs.</summary>
    public IReadOnlyList<IPAddress> Ipv4s => [PrimaryIp, .. _secondaryIps];

    /// <summary>Every address metadata lists for it: IPv4 then IPv6.</summary>
    public IReadOnlyList<IPAddress> Addresses => [.. Ipv4s, .. _ipv6s];

    /// <summary>The ENI ID the metadata serves (derived from the MAC unless overridden).</summary>
    public string EniId => ToEniBuilder().EniId;

    /// <summary>Whether the metadata service lists it now.</summary>
    public bool InMetadata { get; internal set; } = true;

    /// <summary>Whether its link exists in the guest now.</summary>
    public bool Plugged { get; internal set; } = true;

    /// <summary>The veth end in the router namespace, enslaved to the vSwitch bridge.</summary>
    public string RouterPortName => "v-" + Name;

    public TopologyEni WithMac(PhysicalAddress mac)
    {
        ArgumentNullException.ThrowIfNull(mac);
        Mac = mac;
        return this;
    }

    public TopologyEni WithSecondaryIps(params IPAddress[] ips)
    {
        ArgumentNullException.ThrowIfNull(ips);
        foreach (var ip in ips)
        {
            RequireInSubnet(ip, VSwitch.Ipv4Cidr);
            _secondaryIps.Add(ip);
        }

        return this;
    }

    /// <summary>IPv6 addresses inside the vSwitch's /64 (the vSwitch must have one).</summary>
    public TopologyEni WithIpv6s(params IPAddress[] ips)
    {
        ArgumentNullException.ThrowIfNull(ips);
        var cidr = VSwitch.Ipv6Cidr ?? throw new InvalidOperationException($"vSwitch {VSwitch.Number} has no IPv6 CIDR");
        foreach (var ip in ips)
        {
            RequireInSubnet(ip, cidr);
            _ipv6s.Add(ip);
        }

        return this;
    }

    /// <summary>Raw changes to what the emulator serves for this ENI (hostile values, missing items), applied last.</summary>
    public TopologyEni WithMetadata(Action<EniBuilder> customize)
    {
        ArgumentNullException.ThrowIfNull(customize);
        _metadataOverrides.Add(customize);
        return this;
    }

    /// <summary>Starts out unknown to the metadata service (attach it later with <see cref="EcsTopology.AttachMetadataAsync"/>).</summary>
    public TopologyEni NotInMetadata()
    {
        InMetadata = false;
        return this;
    }

    /// <summary>Starts out without a link in the guest (plug it later with <see cref="EcsTopology.PlugLink"/>).</summary>
    public TopologyEni Unplugged()
    {
        Plugged = false;
        return this;
    }

    /// <summary>What the emulator serves for it (the body of an attach).</summary>
    public EniBuilder ToEniBuilder()
    {
        var builder = new EniBuilder(Mac, PrimaryIp, VSwitch.Ipv4Cidr);
        ConfigureMetadata(builder);
        return builder;
    }

    /// <summary>Applies its typed values, then the raw overrides, to the emulator's ENI.</summary>
    public void ConfigureMetadata(EniBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithSecondaryIps([.. _secondaryIps]);
        if (_ipv6s.Count > 0 && VSwitch.Ipv6Cidr is { } v6)
        {
            builder.WithIpv6(v6, [.. _ipv6s]);
        }

        foreach (var customize in _metadataOverrides)
        {
            customize(builder);
        }
    }

    public override string ToString() => $"{Name} ({Core.MacAddress.Format(Mac)}, {PrimaryIp})";

    internal void AddSecondaryIp(IPAddress ip)
    {
        if (ip.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"{ip} is not IPv4", nameof(ip));
        }

        if (!_secondaryIps.Contains(ip) && !ip.Equals(PrimaryIp))
        {
            _secondaryIps.Add(ip);
        }
    }

    internal void RemoveSecondaryIp(IPAddress ip) => _secondaryIps.Remove(ip);

    private static void RequireInSubnet(IPAddress ip, IPNetwork subnet)
    {
        ArgumentNullException.ThrowIfNull(ip);
        if (!subnet.Contains(ip))
        {
            throw new ArgumentException($"{ip} is not in {subnet}", nameof(ip));
        }
    }
}
