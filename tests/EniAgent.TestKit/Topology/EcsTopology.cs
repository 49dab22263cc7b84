using System.Net;
using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Netns;

namespace EniAgent.TestKit.Topology;

/// <summary>
/// A live emulated ECS instance (built by <see cref="EcsTopologyBuilder"/>), every part in a namespace of its own
/// with a unique name:
/// <list type="bullet">
/// <item><see cref="Vpc"/>: the VPC router, one bridge per vSwitch holding the gateways, forwarding and strict rp_filter
/// (the stand-in for the VPC's source check).</item>
/// <item><see cref="Guest"/>: the instance. eth0 addressed with the only default route, secondary ENIs (veths with their MACs)
/// down and unaddressed, rp_filter=1, the metadata emulator on 100.100.100.200:80.</item>
/// <item><see cref="Internet"/>: a client at 203.0.113.10 and 2001:db8:203::10 behind the router.</item>
/// <item>optionally <see cref="Peers"/> inside vSwitches and a <see cref="Container"/> behind a docker0 bridge in the guest.</item>
/// </list>
/// Dispose (await using) stops the emulator and any agent, deletes every namespace and the temp <see cref="Root"/>,
/// also after a failed test.
/// </summary>
public sealed partial class EcsTopology : IAsyncDisposable
{
    /// <summary>Where the guest reaches the metadata service, as on ECS.</summary>
    public static readonly IPAddress MetadataAddress = IPAddress.Parse("100.100.100.200");

    private readonly List<NetworkNamespace> _namespaces;
    private readonly ScenarioTokenMode _tokenMode;
    private readonly IReadOnlyList<Action<ScenarioBuilder>> _scenario;
    private MetadataEmulatorProcess? _emulator;
    private int _disposed;

    private EcsTopology(EcsTopologyBuilder builder, TopologyEni primary, List<NetworkNamespace> namespaces)
    {
        Primary = primary;
        Enis = [.. builder.Secondaries];
        Peers = [.. builder.Peers];
        VSwitches = [.. Enis.Prepend(primary).Select(e => e.VSwitch).Concat(Peers.Select(p => p.VSwitch)).Distinct().OrderBy(v => v.Number)];
        if (VSwitches.Select(v => v.Number).Distinct().Count() != VSwitches.Count)
        {
            throw new InvalidOperationException("two different vSwitches share a number");
        }

        _namespaces = namespaces;
        _tokenMode = builder.TokenMode;
        _scenario = builder.ScenarioCustomizations;
        Vpc = namespaces[0];
        Guest = namespaces[1];
        Internet = namespaces[2];
        Container = builder.Docker ? namespaces[3] : null;
        Root = Directory.CreateTempSubdirectory("eniagent-topology-").FullName;
        if (OperatingSystem.IsLinux())
        {
            // Readable by everyone, so an unprivileged agent run gets as far as its privilege check.
            File.SetUnixFileMode(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    public NetworkNamespace Vpc { get; }

    public NetworkNamespace Guest { get; }

    public NetworkNamespace Internet { get; }

    /// <summary>The container namespace behind docker0, when built <see cref="EcsTopologyBuilder.WithDocker"/>.</summary>
    public NetworkNamespace? Container { get; }

    public TopologyEni Primary { get; }

    /// <summary>The secondary ENIs, eth1 first.</summary>
    public IReadOnlyList<TopologyEni> Enis { get; }

    public IReadOnlyList<TopologyPeer> Peers { get; }

    public IReadOnlyList<VSwitch> VSwitches { get; }

    /// <summary>The internet client's addresses.</summary>
    public IPAddress InternetIpv4 { get; } = TopologyWiring.Host(TopologyWiring.InternetV4, 10);

    public IPAddress InternetIpv6 { get; } = TopologyWiring.Host(TopologyWiring.InternetV6, 0x10);

    /// <summary>docker0's address in the guest and the container's behind it.</summary>
    public IPAddress DockerBridgeIpv4 { get; } = TopologyWiring.Host(TopologyWiring.DockerV4, 1);

    public IPAddress ContainerIpv4 { get; } = TopologyWiring.Host(TopologyWiring.DockerV4, 2);

    /// <summary>A temp directory passed to the agent as <c>--root</c>: its config, state and lock live there. Mode 0755.</summary>
    public string Root { get; }

    /// <summary>The running metadata emulator (inside <see cref="Guest"/> on 100.100.100.200:80).</summary>
    public MetadataEmulatorProcess Emulator => _emulator ?? throw new InvalidOperationException("the metadata emulator is stopped");

    /// <summary>Every ENI, primary first.</summary>
    public IEnumerable<TopologyEni> AllEnis => Enis.Prepend(Primary);

    public TopologyEni Eni(string name) =>
        AllEnis.FirstOrDefault(e => e.Name == name) ?? throw new ArgumentException($"no ENI {name} in the topology", nameof(name));

    public TopologyPeer Peer(IPAddress ipv4) =>
        Peers.FirstOrDefault(p => p.Ipv4.Equals(ipv4)) ?? throw new ArgumentException($"no peer {ipv4} in the topology", nameof(ipv4));

    /// <summary>The emulator scenario for the current description: every ENI metadata lists now, plus the builder's changes.</summary>
    public string BuildScenario()
    {
        var scenario = new ScenarioBuilder().WithTokenMode(_tokenMode)
            .WithPrimary(Primary.Mac, Primary.PrimaryIp, Primary.VSwitch.Ipv4Cidr, Primary.ConfigureMetadata);
        foreach (var eni in Enis.Where(e => e.InMetadata))
        {
            scenario.AddSecondary(eni.Mac, eni.PrimaryIp, eni.VSwitch.Ipv4Cidr, eni.ConfigureMetadata);
        }

        foreach (var customize in _scenario)
        {
            customize(scenario);
        }

        return scenario.Build();
    }

    /// <summary>Starts the metadata emulator in the guest with <see cref="BuildScenario"/> (after <see cref="StopEmulatorAsync"/>).</summary>
    public async Task StartEmulatorAsync()
    {
        if (_emulator is not null)
        {
            throw new InvalidOperationException("the metadata emulator is already running");
        }

        _emulator = await MetadataEmulatorProcess.StartAsync(BuildScenario(), $"http://{MetadataAddress}:80", Guest.Name);
    }

    /// <summary>Makes the running emulator serve <see cref="BuildScenario"/> again, e.g. after <see cref="TopologyEni.WithMetadata"/>.</summary>
    public Task RefreshMetadataAsync() => Emulator.ReplaceScenarioAsync(BuildScenario());

    /// <summary>Stops the metadata emulator (SIGTERM): the guest's metadata service is then unreachable.</summary>
    public async Task StopEmulatorAsync()
    {
        if (Interlocked.Exchange(ref _emulator, null) is { } emulator)
        {
            await emulator.TerminateAsync();
            await emulator.DisposeAsync();
        }
    }

    /// <summary>Where <paramref name="logicalPath"/> (e.g. /etc/eniagent/eniagent.yaml) lives under <see cref="Root"/>.</summary>
    public string RootPath(string logicalPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(logicalPath);
        return Path.Combine(Root, logicalPath.TrimStart('/'));
    }

    /// <summary>Writes a file under <see cref="Root"/>, creating its directories.</summary>
    public async Task WriteRootFileAsync(string logicalPath, string content)
    {
        var path = RootPath(logicalPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, content);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            foreach (var agent in _agents)
            {
                await agent.DisposeAsync();
            }

            if (Interlocked.Exchange(ref _emulator, null) is { } emulator)
            {
                await emulator.DisposeAsync();
            }
        }
        finally
        {
            DeleteNamespaces(_namespaces);
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }

    internal static async Task<EcsTopology> CreateAsync(EcsTopologyBuilder builder, TopologyEni primary, CancellationToken cancellationToken)
    {
        var namespaces = new List<NetworkNamespace>();
        EcsTopology topology;
        try
        {
            foreach (var prefix in new[] { "ecs-vpc", "ecs-guest", "ecs-inet" }.Concat(builder.Docker ? ["ecs-ctr"] : []))
            {
                namespaces.Add(NetworkNamespace.Create(prefix));
            }

            foreach (var peer in builder.Peers)
            {
                var ns = NetworkNamespace.Create("ecs-peer");
                namespaces.Add(ns);
                peer.Attach(ns);
            }

            topology = new EcsTopology(builder, primary, namespaces);
        }
        catch
        {
            DeleteNamespaces(namespaces);
            throw;
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            topology.Wire();
            await topology.StartEmulatorAsync();
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    private static void DeleteNamespaces(List<NetworkNamespace> namespaces)
    {
        for (var i = namespaces.Count - 1; i >= 0; i--)
        {
            namespaces[i].Dispose();
        }
    }

    private void Wire()
    {
        TopologyWiring.Router(Vpc, VSwitches);
        TopologyWiring.Guest(Guest);
        foreach (var eni in AllEnis.Where(e => e.Plugged))
        {
            TopologyWiring.PlugEni(Guest, Vpc, eni);
        }

        TopologyWiring.Primary(Guest, Primary);
        TopologyWiring.Internet(Internet, Vpc, InternetIpv4, InternetIpv6);
        foreach (var peer in Peers)
        {
            TopologyWiring.Peer(peer.Namespace, Vpc, peer);
        }

        if (Container is not null)
        {
            TopologyWiring.Docker(Guest, Container, DockerBridgeIpv4, ContainerIpv4);
        }

        Guest.Ip("address", "add", $"{MetadataAddress}/32", "dev", "lo");
    }
}
