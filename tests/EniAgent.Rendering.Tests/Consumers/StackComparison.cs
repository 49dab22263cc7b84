using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Rendering.Tests.Consumers;

/// <summary>
/// The common start of every stack comparison: the scenario applied live (<see cref="LiveReference"/>), then a fresh
/// instance and root holding one renderer's files, placed as ConfigPersister would, for the real stack to apply.
/// Made by <see cref="StartAsync"/>. Dispose it after the stack's daemons (declare them after it): it removes the instance,
/// then the root.
/// </summary>
internal sealed class StackComparison(StackScenario scenario, KernelContent live, StackRoot root, StackInstance instance, DesiredState desired) : IDisposable
{
    public StackScenario Scenario => scenario;

    /// <summary>What the live reconcile left in the kernel: what the stack must reproduce.</summary>
    public KernelContent Live => live;

    public StackRoot Root => root;

    public StackInstance Instance => instance;

    public DesiredState Desired => desired;

    /// <param name="renderer">Whose files to place below the root.</param>
    /// <param name="configurePrimary">Whether the instance's eth0 starts configured (see <see cref="StackInstance.Create"/>).</param>
    public static async Task<StackComparison> StartAsync(RendererKind renderer, bool configurePrimary)
    {
        var scenario = new StackScenario();
        var live = await LiveReference.ApplyAsync(scenario);

        var root = new StackRoot();
        StackInstance? instance = null;
        try
        {
            instance = StackInstance.Create(scenario, configurePrimary);
            var desired = await instance.DesiredAsync();
            foreach (var file in RendererCatalog.For(renderer).Render(RenderRequest.FromDesired(desired, scenario.Options)).Files)
            {
                root.Write(file.Path, file.Content, file.Mode);
            }

            return new StackComparison(scenario, live, root, instance, desired);
        }
        catch
        {
            instance?.Dispose();
            root.Dispose();
            throw;
        }
    }

    /// <summary>The instance's kernel content now, comparable with <see cref="Live"/>.</summary>
    public async Task<KernelContent> AppliedAsync() =>
        KernelContent.Of(await Instance.SnapshotAsync(), Scenario.Layout, Scenario.SecondaryNames);

    /// <summary>The kernel holds exactly what the live reconcile left (<see cref="Live"/>), and <see cref="AssertNothingRemainsAsync"/>.</summary>
    public async Task AssertSameAsLiveAsync()
    {
        Assert.Equal(Live.ToString(), (await AppliedAsync()).ToString());
        await AssertNothingRemainsAsync();
    }

    /// <summary>The planner wants nothing more but ARP devconf (<see cref="StackInstance.Remaining"/>).</summary>
    public async Task AssertNothingRemainsAsync() =>
        Assert.Empty(StackInstance.Remaining(await Instance.PlanAsync(Desired)));

    public void Dispose()
    {
        Instance.Dispose();
        Root.Dispose();
    }
}
