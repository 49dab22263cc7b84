using System.Net.NetworkInformation;
using EniAgent.Core;
using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Processes;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Commands;

/// <summary>
/// A throwaway "instance": a network namespace with ENI links (veth, down, with the scenario's MACs), the metadata
/// emulator listening inside it and a temp root for the agent's files. Dispose removes all three.
/// </summary>
internal sealed class Instance : IAsyncDisposable
{
    private Instance(NetworkNamespace netns, Persistence.TempRoot root, MetadataEmulatorProcess? emulator)
    {
        Netns = netns;
        Root = root;
        Emulator = emulator;
    }

    public NetworkNamespace Netns { get; }

    public Persistence.TempRoot Root { get; }

    public MetadataEmulatorProcess? Emulator { get; }

    public string MetadataUrl => Emulator?.BaseUri.ToString() ?? throw new InvalidOperationException("no emulator in this instance");

    /// <summary>Creates the namespace with links named as given, and starts the emulator with the scenario (if any).</summary>
    public static async Task<Instance> StartAsync(string? scenarioJson, params (string Name, PhysicalAddress Mac)[] links)
    {
        var netns = NetworkNamespace.Create("eniacli");
        var root = new Persistence.TempRoot();
        try
        {
            foreach (var (name, mac) in links)
            {
                netns.AddVeth(name, "p-" + name);
                netns.Ip("link", "set", name, "address", MacAddress.Format(mac));
            }

            var emulator = scenarioJson is null ? null : await MetadataEmulatorProcess.StartAsync(scenarioJson, "http://127.0.0.1:0", netns.Name);
            return new Instance(netns, root, emulator);
        }
        catch
        {
            root.Dispose();
            netns.Dispose();
            throw;
        }
    }

    /// <summary>Runs <c>eniagent ARGS --root ROOT</c> inside the namespace.</summary>
    public Task<ProcessResult> RunAsync(params string[] arguments) => AgentCommand.RunAsync([.. arguments, "--root", Root.Path], Netns.Name);

    public async ValueTask DisposeAsync()
    {
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }

        Netns.Dispose();
        Root.Dispose();
    }
}
