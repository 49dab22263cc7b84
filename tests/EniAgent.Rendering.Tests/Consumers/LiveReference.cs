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
}
