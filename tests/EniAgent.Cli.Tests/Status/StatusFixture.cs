using System.Net;
using System.Net.Sockets;
using EniAgent.Cli.Reconciliation;
using EniAgent.Cli.Tests.Output;
using EniAgent.Core;
using EniAgent.Core.Kernel;
using EniAgent.Core.Planning;
using EniAgent.Core.State;
using EniAgent.TestKit.Emulator;

namespace EniAgent.Cli.Tests.Status;

/// <summary>
/// One dry run that has an ENI in every state <c>eniagent status</c> knows: eth1 drifted (or configured), Mac(3) invalid,
/// Mac(4) pending (no link), eth4 (Mac(5)) excluded, the primary left alone, and eni-gone0000000001 absent with a leftover rule.
/// </summary>
internal static class StatusFixture
{
    public const string Drifted = "eni-emu00163e000002";
    public const string Invalid = "eni-emu00163e000003";
    public const string Pending = "eni-emu00163e000004";
    public const string Excluded = "eni-emu00163e000005";
    public const string Primary = "eni-emu00163e000001";
    public const string Gone = "eni-gone0000000001";

    public static readonly RuleSnapshot LeftoverRule =
        new(AddressFamily.InterNetwork, 31260, IPNetwork.Parse("192.168.9.10/32"), null, 31009, 201, null, RuleAction.ToTable, null, null);

    public static Task<ReconcileOutcome> DryRunAsync()
    {
        var scenario = Outcomes.Scenario(secondaries: 4)
            .ConfigureEni(ScenarioBuilder.Mac(3), e => e.WithItem("private-ipv4s", "[\"192.168.3.10\",\"192.168.3.300\"]"));
        var kernel = Outcomes.Kernel(1, 2, 5) with { Rules = [LeftoverRule] };
        var state = new MemoryStateStore(AgentState.Empty.WithSlots([new SlotRecord(Gone, 9, null)]));
        return Outcomes.RunAsync(scenario, kernel, ReconcileMode.DryRun, Outcomes.Options("exclude: [eth4]\n"), state: state);
    }

    /// <summary>The same outcome with eth1 converged: its addresses on the link, no changes left for it.</summary>
    public static ReconcileOutcome Converged(ReconcileOutcome outcome)
    {
        var eth1 = outcome.Kernel.Links.Single(l => l.Name == "eth1");
        var spec = outcome.Desired.Enis.Single(e => e.EniId == Drifted);
        return outcome with
        {
            Plan = outcome.Plan with { Groups = [.. outcome.Plan.Groups.Where(g => g.EniId != Drifted)] },
            Kernel = outcome.Kernel with
            {
                Addresses = [.. spec.Addresses.Select(a => new AddressSnapshot(eth1.Index, a.Address, a.Flags, RouteScope.Universe))],
            },
        };
    }
}
