using EniAgent.TestKit.Stacks;

namespace EniAgent.Platform.Tests.Stacks;

/// <summary>The flap detector the notifier tests rely on sees changes to its link and ignores other links.</summary>
public sealed class LinkWatchTests
{
    [Fact]
    public async Task Reports_changes_to_the_watched_link_only()
    {
        using var instance = StackInstance.Create(new StackScenario(), configurePrimary: true);
        var eth0 = (await instance.SnapshotAsync()).Links.Single(l => l.Name == "eth0").Index;
        await using var watch = LinkWatch.Start(instance.Namespace, eth0);

        instance.Namespace.Ip("address", "add", "10.0.1.99/24", "dev", "eth1");
        instance.Namespace.Ip("address", "del", "10.0.0.10/24", "dev", "eth0");

        var events = await watch.StopAsync();
        Assert.Contains(events, e => e.StartsWith("Delete address 10.0.0.10/24", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.Contains("10.0.1.99", StringComparison.Ordinal));
        Assert.Equal(events.Where(e => e.StartsWith("Delete ", StringComparison.Ordinal)), LinkWatch.Flaps(events));
    }
}
