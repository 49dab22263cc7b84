using System.Globalization;
using System.Net;
using EniAgent.TestKit.Emulator;

namespace EniAgent.TestKit.Topology;

/// <summary>
/// Describes an emulated ECS instance in a VPC; <see cref="BuildAsync"/> creates it (<see cref="EcsTopology"/>).
/// <code>
/// var vsw1 = VSwitch.Numbered(1);
/// var vsw2 = VSwitch.Numbered(2);
/// await using var topology = await new EcsTopologyBuilder()
///     .WithPrimary(vsw1, vsw1.Host(10))
///     .AddEni(vsw2, vsw2.Host(10), eni => eni.WithSecondaryIps(vsw2.Host(11)).WithIpv6s(vsw2.Ipv6Host(0x10)))
///     .AddPeer(vsw2, vsw2.Host(50))
///     .WithDocker()
///     .BuildAsync();
/// </code>
/// </summary>
public sealed class EcsTopologyBuilder
{
    private readonly List<TopologyEni> _secondaries = [];
    private readonly List<TopologyPeer> _peers = [];
    private readonly List<Action<ScenarioBuilder>> _scenario = [];
    private TopologyEni? _primary;
    private ScenarioTokenMode _tokenMode = ScenarioTokenMode.Required;

    /// <summary>
    /// Primary eth0 at 192.168.1.10 in vSwitch 1, and <paramref name="secondaries"/> ENIs eth1.. at 192.168.(1+i).10 in
    /// vSwitch 1+i; with <paramref name="ipv6"/> every vSwitch has a /64 and every ENI its <c>::10</c>.
    /// </summary>
    public static EcsTopologyBuilder Typical(int secondaries = 1, bool ipv6 = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(secondaries);
        var primarySwitch = VSwitch.Numbered(1, ipv6);
        var builder = new EcsTopologyBuilder().WithPrimary(primarySwitch, primarySwitch.Host(10), eni => WithIpv6(eni, ipv6));
        for (var i = 1; i <= secondaries; i++)
        {
            var vswitch = VSwitch.Numbered(1 + i, ipv6);
            builder.AddEni(vswitch, vswitch.Host(10), eni => WithIpv6(eni, ipv6));
        }

        return builder;
    }

    public TopologyEni? Primary => _primary;

    public IReadOnlyList<TopologyEni> Secondaries => _secondaries;

    /// <summary>The primary ENI, eth0 (MAC <c>ScenarioBuilder.Mac(1)</c>), configured as the image would: address and default route.</summary>
    public EcsTopologyBuilder WithPrimary(VSwitch vswitch, IPAddress ip, Action<TopologyEni>? configure = null)
    {
        _primary = new TopologyEni("eth0", ScenarioBuilder.Mac(1), vswitch, ip, isPrimary: true);
        configure?.Invoke(_primary);
        return this;
    }

    /// <summary>The next secondary ENI, eth1, eth2, ... (MAC <c>ScenarioBuilder.Mac(1 + N)</c>), left down and unaddressed.</summary>
    public EcsTopologyBuilder AddEni(VSwitch vswitch, IPAddress primaryIp, Action<TopologyEni>? configure = null)
    {
        var number = _secondaries.Count + 1;
        var eni = new TopologyEni("eth" + number.ToString(CultureInfo.InvariantCulture), ScenarioBuilder.Mac(1 + number), vswitch, primaryIp, isPrimary: false);
        configure?.Invoke(eni);
        _secondaries.Add(eni);
        return this;
    }

    /// <summary>Another machine in <paramref name="vswitch"/> (its own namespace; default routes via the vSwitch gateways).</summary>
    public EcsTopologyBuilder AddPeer(VSwitch vswitch, IPAddress ipv4, IPAddress? ipv6 = null)
    {
        _peers.Add(new TopologyPeer(_peers.Count + 1, vswitch, ipv4, ipv6));
        return this;
    }

    /// <summary>A "docker0" bridge (172.17.0.1/16) in the guest with a "container" namespace (172.17.0.2) behind it.</summary>
    public EcsTopologyBuilder WithDocker(bool enabled = true)
    {
        Docker = enabled;
        return this;
    }

    /// <summary>Token mode of the emulated metadata service; hardened (<see cref="ScenarioTokenMode.Required"/>) by default.</summary>
    public EcsTopologyBuilder WithTokenMode(ScenarioTokenMode mode)
    {
        _tokenMode = mode;
        return this;
    }

    /// <summary>Further changes to the emulator scenario (faults, instance items); applied whenever the scenario is generated.</summary>
    public EcsTopologyBuilder WithScenario(Action<ScenarioBuilder> customize)
    {
        ArgumentNullException.ThrowIfNull(customize);
        _scenario.Add(customize);
        return this;
    }

    internal bool Docker { get; private set; }

    internal IReadOnlyList<TopologyPeer> Peers => _peers;

    internal ScenarioTokenMode TokenMode => _tokenMode;

    internal IReadOnlyList<Action<ScenarioBuilder>> ScenarioCustomizations => _scenario;

    /// <summary>Creates the namespaces, links and addresses, and starts the metadata emulator inside the guest.</summary>
    public Task<EcsTopology> BuildAsync(CancellationToken cancellationToken = default)
    {
        if (_primary is null)
        {
            throw new InvalidOperationException("a topology needs a primary ENI (WithPrimary)");
        }

        var names = _secondaries.Select(e => e.Name).Append(_primary.Name).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new InvalidOperationException("ENI names must be unique");
        }

        return EcsTopology.CreateAsync(this, _primary, cancellationToken);
    }

    private static void WithIpv6(TopologyEni eni, bool ipv6)
    {
        if (ipv6)
        {
            eni.WithIpv6s(eni.VSwitch.Ipv6Host(0x10));
        }
    }
}
