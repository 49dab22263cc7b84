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
    /// Waits until the stack has applied everything the planner wants, and says what is there if it never does.
    /// Per-link ARP settings are left out: the distro formats have no key for them, the agent sets them live
    /// (docs/routing.md, "Several ENIs in one subnet").
    /// </summary>
    public static Task ConvergedAsync(StackInstance instance, DesiredState desired, StackDaemon daemon) =>
        Eventually.HoldsAsync(
            async () => NothingLeftForFiles(await instance.PlanAsync(desired)),
            async () =>
            {
                var plan = await instance.PlanAsync(desired);
                var content = KernelContent.Of(await instance.SnapshotAsync(), instance.Scenario.Layout, instance.Scenario.SecondaryNames);
                return $"still planned:\n  {string.Join("\n  ", FileSteps(plan).Select(s => s.Describe()))}\nkernel:\n{content}\n{daemon.Name} log:\n{daemon.Output}";
            });

    /// <summary>True when the plan has nothing left that the distro files carry (see <see cref="ConvergedAsync"/>).</summary>
    public static bool NothingLeftForFiles(Plan plan) => !FileSteps(plan).Any();

    private static IEnumerable<PlanStep> FileSteps(Plan plan) =>
        plan.Groups.SelectMany(g => g.Steps).Where(s => s.Kind != PlanStepKind.SetLinkDevConf);
}
