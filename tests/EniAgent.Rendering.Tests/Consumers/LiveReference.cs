using EniAgent.Core.Desired;
using EniAgent.Core.Planning;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Rendering.Tests.Consumers;

/// <summary>
/// Step (a) of every stack comparison: the scenario applied live the way <c>eniagent reconcile</c> does (planner +
/// NetlinkKernelApplier) in a namespace of its own; the resulting kernel content must equal the desired state.
/// </summary>
internal static class LiveReference
{
    public static async Task<KernelContent> ApplyAsync(StackScenario scenario)
    {
        using var instance = StackInstance.Create(scenario, configurePrimary: true);
        var desired = await instance.DesiredAsync();
        await instance.ApplyLiveAsync(desired);
        var live = KernelContent.Of(await instance.SnapshotAsync(), scenario.Layout, scenario.SecondaryNames);
        Assert.Equal(KernelContent.Of(desired).ToString(), live.ToString());
        Assert.True((await instance.PlanAsync(desired)).IsEmpty, "a second live pass would still change something");
        return live;
    }

    /// <summary>Places every rendered file below the root, as ConfigPersister would.</summary>
    public static void Place(StackRoot root, RenderResult rendered)
    {
        foreach (var file in rendered.Files)
        {
            root.Write(file.Path, file.Content, file.Mode);
        }
    }

    /// <summary>
    /// What the planner still wants once the stack applied our files. ARP devconf (arp_ignore, arp_announce,
    /// promote_secondaries) has no key in any of these formats: the agent sets it live at every start.
    /// </summary>
    public static List<PlanStep> Remaining(Plan plan) =>
        [.. plan.Groups.SelectMany(g => g.Steps).Where(s => s.Kind != PlanStepKind.SetLinkDevConf)];

    /// <summary>Waits until the stack has applied everything the planner wants, and says what is there if it never does.</summary>
    public static Task ConvergedAsync(StackInstance instance, DesiredState desired, StackDaemon daemon) =>
        Eventually.HoldsAsync(
            async () => Remaining(await instance.PlanAsync(desired)).Count == 0,
            async () =>
            {
                var plan = await instance.PlanAsync(desired);
                var content = KernelContent.Of(await instance.SnapshotAsync(), instance.Scenario.Layout, instance.Scenario.SecondaryNames);
                return $"still planned:\n  {string.Join("\n  ", Remaining(plan).Select(s => s.Describe()))}\nkernel:\n{content}\n{daemon.Name} log:\n{daemon.Output}";
            });
}
