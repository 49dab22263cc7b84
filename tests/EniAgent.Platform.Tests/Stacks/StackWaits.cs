using System.Net;
using EniAgent.Core.Desired;
using EniAgent.Core.Planning;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Platform.Tests.Stacks;

/// <summary>Waits for daemon-side states, failing with the daemon's log when they never come.</summary>
internal static class StackWaits
{
    /// <summary>Until eth0 holds the image's 10.0.0.10; returns its ifindex.</summary>
    public static async Task<int> PrimaryConfiguredAsync(StackInstance instance, StackDaemon daemon)
    {
        var primary = IPAddress.Parse("10.0.0.10");
        await Eventually.HoldsAsync(
            async () => (await instance.SnapshotAsync()).Addresses.Any(a => a.Address.Address.Equals(primary)),
            () => Task.FromResult($"eth0 never got {primary}:\n{daemon.Output}"));
        return (await instance.SnapshotAsync()).Links.Single(l => l.Name == "eth0").Index;
    }

    public static Task NetworkdConfiguredAsync(PrivateSystemBus bus, string interfaceName, string file, StackDaemon daemon, string? state = "configured") =>
        Eventually.HoldsAsync(
            async () => await NetworkdProbe.LinkAsync(bus, interfaceName) is var link && link.File == file && (state is null || link.State == state),
            async () => $"{interfaceName}: {await NetworkdProbe.LinkAsync(bus, interfaceName)}, wanted {file} {state}:\n{daemon.Output}");

    /// <summary>
    /// Until the planner has nothing left to do; with <paramref name="addsOnly"/>, until it has nothing left to add
    /// (our own live copies of what the stack re-created may still be planned for removal).
    /// </summary>
    public static Task ConvergedAsync(StackInstance instance, DesiredState desired, StackDaemon daemon, bool addsOnly = false) =>
        Eventually.HoldsAsync(
            async () => await instance.PlanAsync(desired) is var plan && (addsOnly ? !plan.Groups.SelectMany(g => g.Steps).Any(s => s.Kind is PlanStepKind.AddAddress or PlanStepKind.AddRoute or PlanStepKind.AddRule or PlanStepKind.SetLinkUp) : plan.IsEmpty),
            async () =>
            {
                var plan = await instance.PlanAsync(desired);
                var rules = (await instance.SnapshotAsync()).Rules.Where(r => instance.Scenario.Layout.IsLayoutPriority(r.Priority));
                return $"still planned:\n  {string.Join("\n  ", plan.Groups.SelectMany(g => g.Steps).Select(s => s.Describe()))}\nrules:\n  {string.Join("\n  ", rules)}\n{daemon.Name} log:\n{daemon.Output}";
            });
}
