using System.Net.NetworkInformation;
using EniAgent.Cli.Persistence;
using EniAgent.Cli.Reconciliation;
using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Core.Kernel;
using EniAgent.Core.Metadata;
using EniAgent.Core.Planning;
using EniAgent.Core.State;
using EniAgent.Metadata;
using EniAgent.Platform.Files;
using EniAgent.Platform.Kernel;
using EniAgent.Platform.State;
using EniAgent.TestKit.Emulator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EniAgent.Cli.Tests.Output;

/// <summary>
/// Real <see cref="ReconcileOutcome"/>s for the formatters: the agent's own <see cref="Reconciler"/> over a scripted
/// metadata snapshot, kernel snapshot, applier and in-memory state, persisting (optionally) under a temp root.
/// </summary>
internal static class Outcomes
{
    public static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>A scenario with a primary (eth0) and <paramref name="secondaries"/> secondaries (Mac(2)..), one extra IP on the first.</summary>
    public static ScenarioBuilder Scenario(int secondaries = 2)
    {
        var scenario = ScenarioBuilder.Typical(secondaries).WithInstance("i-cli000000000000000001", "cn-hangzhou", "cn-hangzhou-k", "ecs.g7.large");
        return secondaries == 0 ? scenario : scenario.ConfigureEni(ScenarioBuilder.Mac(2), e => e.WithSecondaryIps(System.Net.IPAddress.Parse("192.168.2.11")));
    }

    /// <summary>A link as a new ENI shows up: down.</summary>
    public static LinkSnapshot Link(int index, string name, PhysicalAddress mac) => new(index, name, mac, 1500, false, false, "veth");

    /// <summary>eth0 for Mac(1), eth1 for Mac(2), ... for the given ENI numbers.</summary>
    public static KernelSnapshot Kernel(params int[] macs) =>
        KernelSnapshot.Empty with { Links = [.. macs.Select(n => Link(n + 1, $"eth{n - 1}", ScenarioBuilder.Mac(n)))] };

    public static async Task<ReconcileOutcome> RunAsync(
        ScenarioBuilder scenario,
        KernelSnapshot kernel,
        ReconcileMode mode,
        AgentOptions? options = null,
        Persistence.TempRoot? root = null,
        Func<PlanStep, string?>? fail = null,
        MemoryStateStore? state = null,
        bool adopt = false)
    {
        var persister = root is null ? null : new ConfigPersister(root.Paths, new OwnedFileSet(root.Paths, new AtomicFileWriter()));
        var reconciler = new Reconciler(
            new FixedMetadata(AllDocument.Snapshot(scenario)),
            new FixedKernel(kernel),
            new ScriptedApplier(fail ?? (_ => null)),
            state ?? new MemoryStateStore(),
            new FakeTimeProvider(Now),
            NullLogger<Reconciler>.Instance,
            persister);
        return await reconciler.RunAsync(options ?? new AgentOptions(), mode, CancellationToken.None, adopt);
    }

    /// <summary>An Ubuntu 22.04 image whose cloud-init netplan file configures eth0: persisting picks netplan.</summary>
    public static Persistence.TempRoot UbuntuRoot() =>
        new Persistence.TempRoot()
            .Write("/etc/os-release", "NAME=\"Ubuntu\"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID=\"22.04\"\nPRETTY_NAME=\"Ubuntu 22.04.4 LTS\"\n")
            .Write("/etc/netplan/50-cloud-init.yaml", "network:\n  version: 2\n  ethernets:\n    eth0:\n      dhcp4: true\n");

    public static AgentOptions Options(string yaml) => AgentOptionsParser.Parse(yaml, "test.yaml");

    private sealed class FixedMetadata(MetadataSnapshot snapshot) : IMetadataSource
    {
        public Task<MetadataSnapshot> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(snapshot);
    }

    private sealed class FixedKernel(KernelSnapshot kernel) : IKernelProbe
    {
        public Task<KernelSnapshot> ReadAsync(CancellationToken cancellationToken = default) => Task.FromResult(kernel);
    }

    /// <summary>Applies every step, except that the first step <c>fail</c> returns an error for stops its group there.</summary>
    private sealed class ScriptedApplier(Func<PlanStep, string?> fail) : IKernelApplier
    {
        public Task<GroupResult> ApplyAsync(PlanGroup group, CancellationToken cancellationToken)
        {
            var applied = new List<PlanStep>();
            foreach (var step in group.Steps)
            {
                if (fail(step) is { } error)
                {
                    return Task.FromResult(new GroupResult(group, applied.ToValueList(), step, error));
                }

                applied.Add(step);
            }

            return Task.FromResult(new GroupResult(group, applied.ToValueList(), null, null));
        }
    }
}

/// <summary>State kept in memory; <see cref="Problem"/> simulates a state file that cannot be used (moved aside only when applying).</summary>
internal sealed class MemoryStateStore(AgentState? initial = null, string? problem = null) : IStateStore
{
    public AgentState State { get; private set; } = initial ?? AgentState.Empty;

    public string? Problem => problem;

    public StateLoadResult Load(StateAccess access) => (problem, access) switch
    {
        (null, _) => new StateLoadResult(State, State == AgentState.Empty ? StateLoadStatus.Absent : StateLoadStatus.Loaded),
        (_, StateAccess.ReadOnly) => new StateLoadResult(State, StateLoadStatus.Unusable, problem),
        _ => new StateLoadResult(State, StateLoadStatus.Reset, problem, "/var/lib/eniagent/state.json.corrupt"),
    };

    public void Save(AgentState state) => State = state;
}
