using System.Net;
using System.Net.Sockets;
using EniAgent.TestKit.Processes;
using EniAgent.TestKit.Topology;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>
/// <see cref="Topologies.Full"/> with what the traffic tests compare against: which addresses answered the internet
/// before the agent ran, the main tables before and after, and the one <c>eniagent reconcile</c> run in between.
/// The tests using it only send traffic and read, so they share it.
/// </summary>
public sealed class ReconciledFullTopology : IAsyncLifetime
{
    private EcsTopology? _topology;

    public EcsTopology Topology => _topology ?? throw new InvalidOperationException("not initialised");

    /// <summary>Whether each address answered a ping from the internet before the reconcile.</summary>
    public IReadOnlyDictionary<IPAddress, bool> AnsweredBefore { get; private set; } = new Dictionary<IPAddress, bool>();

    public IReadOnlyList<IpRoute> MainBefore { get; private set; } = [];

    public IReadOnlyList<IpRoute> MainAfter { get; private set; } = [];

    public ProcessResult Reconcile { get; private set; } = new(-1, string.Empty, string.Empty);

    public async Task InitializeAsync()
    {
        _topology = await Topologies.Full().BuildAsync();
        var addresses = Topology.AllEnis.SelectMany(e => e.Addresses).ToList();
        var once = new PingOptions { Attempts = 1 };
        var answered = await Task.WhenAll(addresses.Select(a => Traffic.PingAsync(Topology.Internet, a, options: once)));
        AnsweredBefore = addresses.Zip(answered).ToDictionary(p => p.First, p => p.Second);
        MainBefore = MainRoutes();
        Reconcile = await Topology.RunAgentAsync("reconcile");
        MainAfter = MainRoutes();
    }

    public async Task DisposeAsync()
    {
        if (_topology is not null)
        {
            await _topology.DisposeAsync();
        }
    }

    private List<IpRoute> MainRoutes() =>
    [
        .. KernelReader.Routes(Topology.Guest, AddressFamily.InterNetwork, "main"),
        .. KernelReader.Routes(Topology.Guest, AddressFamily.InterNetworkV6, "main"),
    ];
}
