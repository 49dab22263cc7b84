using EniAgent.Core;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;
using EniAgent.Core.Planning;
using EniAgent.Platform.Kernel;
using EniAgent.TestKit.Netns;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EniAgent.TestKit.Stacks;

/// <summary>
/// A throwaway "instance" network namespace holding one veth per ENI of a <see cref="StackScenario"/> (MAC as in
/// metadata), each peered into a "vpc" namespace where the peer is up, so links get carrier. The primary (eth0)
/// optionally gets the image's configuration (its address, the main default route). Both namespaces go on dispose.
/// </summary>
public sealed class StackInstance : IDisposable
{
    private StackInstance(StackScenario scenario, NetworkNamespace instance, NetworkNamespace vpc)
    {
        Scenario = scenario;
        Namespace = instance;
        Vpc = vpc;
    }

    public StackScenario Scenario { get; }

    public NetworkNamespace Namespace { get; }

    public NetworkNamespace Vpc { get; }

    public static StackInstance Create(StackScenario scenario, bool configurePrimary)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var instance = NetworkNamespace.Create("eniast");
        NetworkNamespace? vpc = null;
        try
        {
            vpc = NetworkNamespace.Create("eniasv");
            for (var i = 0; i < scenario.Enis.Count; i++)
            {
                var (name, eni) = scenario.Enis[i];
                instance.Ip("link", "add", name, "address", MacAddress.Format(eni.Mac), "type", "veth", "peer", "name", $"p{i}", "netns", vpc.Name);
                vpc.Ip("link", "set", $"p{i}", "up");
            }

            if (configurePrimary)
            {
                var primary = scenario.Enis[0].Metadata;
                instance.Ip("link", "set", "eth0", "up");
                instance.Ip("address", "add", $"{primary.PrimaryIp}/{primary.Subnet.PrefixLength}", "dev", "eth0");
                instance.Ip("route", "add", "default", "via", primary.Gateway.ToString(), "dev", "eth0");
            }

            return new StackInstance(scenario, instance, vpc);
        }
        catch
        {
            vpc?.Dispose();
            instance.Dispose();
            throw;
        }
    }

    public async Task<KernelSnapshot> SnapshotAsync()
    {
        using var connection = Namespace.OpenConnection();
        return await new NetlinkKernelProbe(connection).ReadAsync();
    }

    public async Task<DesiredState> DesiredAsync() => Scenario.Desired(await SnapshotAsync());

    /// <summary>What the planner would still do against the kernel as it is now (no recorded address ownership).</summary>
    public async Task<Plan> PlanAsync(DesiredState desired)
    {
        var kernel = await SnapshotAsync();
        return Planner.Build(new PlannerInput(desired, kernel, Scenario.Layout, new Dictionary<System.Net.NetworkInformation.PhysicalAddress, IReadOnlySet<InterfaceAddress>>(), new HashSet<System.Net.NetworkInformation.PhysicalAddress>(), new HashSet<int>()));
    }

    /// <summary>Applies the desired state live, the way <c>eniagent reconcile</c> does (planner + NetlinkKernelApplier).</summary>
    public async Task ApplyLiveAsync(DesiredState desired)
    {
        var plan = await PlanAsync(desired);
        using var connection = Namespace.OpenConnection();
        var applier = new NetlinkKernelApplier(connection, NullLogger<NetlinkKernelApplier>.Instance);
        foreach (var group in plan.Groups)
        {
            var result = await applier.ApplyAsync(group, CancellationToken.None);
            Assert.True(result.Succeeded, $"live apply failed at {result.FailedStep?.Describe()}: {result.Error}");
        }
    }

    /// <summary>
    /// What a plan still wants besides ARP devconf (arp_ignore, arp_announce, promote_secondaries): no persisted
    /// format has a key for it, the agent sets it live at every start.
    /// </summary>
    public static List<PlanStep> Remaining(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.Groups.SelectMany(g => g.Steps).Where(s => s.Kind != PlanStepKind.SetLinkDevConf)];
    }

    /// <summary>
    /// Waits until the planner has nothing left to do against the kernel but ARP devconf (<see cref="Remaining"/>), as a stack applies files asynchronously;
    /// with <paramref name="addsOnly"/>, until it has nothing left to add (our own live copies of what the stack
    /// re-created may still be planned for removal). Fails with the plan, the rules and the daemon's log otherwise.
    /// </summary>
    public Task WaitConvergedAsync(DesiredState desired, StackDaemon daemon, bool addsOnly = false)
    {
        ArgumentNullException.ThrowIfNull(daemon);
        static bool Adds(PlanStep s) => s.Kind is PlanStepKind.AddAddress or PlanStepKind.AddRoute or PlanStepKind.AddRule or PlanStepKind.SetLinkUp;
        return Eventually.HoldsAsync(
            async () => await PlanAsync(desired) is var plan && (addsOnly ? !Remaining(plan).Any(Adds) : Remaining(plan).Count == 0),
            async () =>
            {
                var plan = await PlanAsync(desired);
                var kernel = await SnapshotAsync();
                var content = KernelContent.Of(kernel, Scenario.Layout, Scenario.SecondaryNames);
                var rules = kernel.Rules.Where(r => Scenario.Layout.IsLayoutPriority(r.Priority)).Select(r => $"{r.Priority} from {r.From?.ToString() ?? "all"} table {r.Table} proto {r.Protocol}");
                return $"still planned:\n  {string.Join("\n  ", Remaining(plan).Select(s => s.Describe()))}\nkernel:\n{content}\nrules with protocols:\n  {string.Join("\n  ", rules)}\n{daemon.Name} log:\n{daemon.Output}";
            });
    }

    public void Dispose()
    {
        Vpc.Dispose();
        Namespace.Dispose();
    }
}
