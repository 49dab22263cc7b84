using System.Net;
using EniAgent.Cli.Tests.Daemon.Support;
using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Processes;

namespace EniAgent.Cli.Tests.Daemon;

/// <summary>ENIs attached and detached while the daemon runs, in both orders of kernel and metadata (field notes §2).</summary>
public sealed class DaemonHotplugTests
{
    private static EniBuilder Secondary(int eni) =>
        new(ScenarioBuilder.Mac(eni), IPAddress.Parse($"192.168.{eni}.10"), IPNetwork.Parse($"192.168.{eni}.0/24"));

    [Fact]
    public async Task Link_first_then_metadata_late_is_configured_by_fast_polling()
    {
        // The default 60 s poll would be far too slow: only the hot-plug polling can configure it in time.
        await using var bed = await DaemonTestBed.CreateAsync(ScenarioBuilder.Typical(secondaries: 0));
        var daemon = await bed.StartDaemonReadyAsync();

        bed.Instance.MoveIn(bed.Instance.CreateLink(2));
        await bed.WaitForLogAsync("metadata does not agree yet");
        await bed.Emulator!.AttachAsync(Secondary(2).WithVisibleAfter(TimeSpan.FromMilliseconds(1500)).ToJson());

        await bed.WaitForAsync(() => bed.Instance.RulesFrom("192.168.2.10").Count == 2, "rules of the late ENI");
        Assert.Contains("192.168.2.10", bed.Instance.Addresses("eth1"));
        Assert.True(daemon.LogContains("metadata agrees on 00:16:3e:00:00:02"), daemon.Log);
    }

    [Fact]
    public async Task Metadata_first_then_link_is_configured_from_the_pending_ENI()
    {
        await using var bed = await DaemonTestBed.CreateAsync(ScenarioBuilder.Typical(secondaries: 0));
        var daemon = await bed.StartDaemonReadyAsync();
        await bed.Emulator!.AttachAsync(Secondary(2).ToJson());
        daemon.Signal(ProcessSignal.SigHup);
        await bed.WaitForAsync(() => bed.Notify.Has(m => m.StartsWith("STATUS=0 ENI(s) managed, 1 pending", StringComparison.Ordinal)), "the ENI pending (listed, no link)");
        var requests = (await bed.Emulator.GetStatsAsync()).Requests;

        bed.Instance.MoveIn(bed.Instance.CreateLink(2));

        await bed.WaitForAsync(() => bed.Instance.RulesFrom("192.168.2.10").Count == 2, "rules of the ENI");
        Assert.Equal(["192.168.2.10"], bed.Instance.Addresses("eth1"));
        Assert.Equal(requests, (await bed.Emulator.GetStatsAsync()).Requests);
    }

    [Fact]
    public async Task Metadata_listing_an_ENI_before_its_items_is_waited_for()
    {
        await using var bed = await DaemonTestBed.CreateAsync(ScenarioBuilder.Typical(secondaries: 0));
        await bed.StartDaemonReadyAsync();

        await bed.Emulator!.AttachAsync(Secondary(2).WithItemsLag(TimeSpan.FromMilliseconds(1500)).ToJson());
        bed.Instance.MoveIn(bed.Instance.CreateLink(2));

        await bed.WaitForAsync(() => bed.Instance.RulesFrom("192.168.2.10").Count == 2, "rules once the items are served");
    }

    [Fact]
    public async Task Detach_removes_that_ENIs_addresses_routes_and_rules_only()
    {
        var scenario = ScenarioBuilder.Typical(secondaries: 2).ConfigureEni(ScenarioBuilder.Mac(2), e => e.WithSecondaryIps(IPAddress.Parse("192.168.2.11")));
        await using var bed = await DaemonTestBed.CreateAsync(scenario, "daemon:\n  poll-interval: 1s\n", secondariesPresent: 2);
        await bed.StartDaemonReadyAsync();
        var tableOf2 = bed.Instance.RulesFrom("192.168.2.10")[0].Table;
        var tableOf3 = bed.Instance.RulesFrom("192.168.3.10")[0].Table;
        // ENI 3's table routes the other ENIs' subnets too: ENI 2's subnet goes with ENI 2, the rest stays.
        var routesOf3 = bed.Instance.Routes(tableOf3).Where(r => r != "192.168.2.0/24").ToList();

        // Metadata first: the link is still there, its configuration goes.
        await bed.Emulator!.DetachAsync(ScenarioBuilder.Mac(2));
        await bed.WaitForAsync(
            () => bed.Instance.RulesFrom("192.168.2.10").Count == 0 && bed.Instance.RulesFrom("192.168.2.11").Count == 0
                && bed.Instance.Routes(tableOf2).Count == 0 && bed.Instance.Addresses("eth1").Count == 0,
            "ENI 2 unconfigured");
        Assert.Equal(2, bed.Instance.RulesFrom("192.168.3.10").Count);
        Assert.Equal(routesOf3, bed.Instance.Routes(tableOf3));
        Assert.Equal(["192.168.3.10"], bed.Instance.Addresses("eth2"));

        // Then the link goes too (hot-unplug); the other ENI keeps everything.
        bed.Instance.MoveOut("eth1");
        var (code, manual) = await bed.ReconcileByHandAsync();
        Assert.Equal(0, code);
        Assert.Contains("0 change", manual.StandardOutput + manual.Log, StringComparison.Ordinal);
        Assert.Equal(2, bed.Instance.RulesFrom("192.168.3.10").Count);
        Assert.Equal(routesOf3, bed.Instance.Routes(tableOf3));
    }

    [Fact]
    public async Task Link_first_detach_is_cleaned_up_when_metadata_follows()
    {
        await using var bed = await DaemonTestBed.CreateAsync(ScenarioBuilder.Typical(secondaries: 1), secondariesPresent: 1);
        var daemon = await bed.StartDaemonReadyAsync();
        var table = bed.Instance.RulesFrom("192.168.2.10")[0].Table;

        // The link goes first (metadata still lists the ENI): the daemon polls fast until metadata follows.
        bed.Instance.MoveOut("eth1");
        await bed.WaitForLogAsync("metadata does not agree yet");
        await bed.Emulator!.DetachAsync(ScenarioBuilder.Mac(2));

        // "agrees" is logged when metadata is read, before that pass reconciles: the clean-up may still be running.
        await bed.WaitForLogAsync("metadata agrees on 00:16:3e:00:00:02");
        await bed.WaitForAsync(() => bed.Instance.RulesFrom("192.168.2.10").Count == 0 && bed.Instance.Routes(table).Count == 0, "ENI 2's rules and routes gone");
        Assert.False(daemon.HasExited);
    }

    [Fact]
    public async Task Storm_of_30_ENIs_all_configured_with_distinct_tables()
    {
        await using var bed = await DaemonTestBed.CreateAsync(ScenarioBuilder.Typical(secondaries: 0));
        var daemon = await bed.StartDaemonReadyAsync();
        var enis = Enumerable.Range(2, 30).ToList();
        var links = enis.Select(bed.Instance.CreateLink).ToList();

        await bed.Emulator!.ReplaceScenarioAsync(ScenarioBuilder.Typical(secondaries: 30).Build());
        bed.Instance.MoveIn(links);

        await bed.WaitForAsync(() => enis.All(e => bed.Instance.RulesFrom($"192.168.{e}.10").Count == 2), "rules of all 30 ENIs");
        var tables = enis.Select(e => bed.Instance.RulesFrom($"192.168.{e}.10")[0].Table).ToList();
        Assert.Equal(30, tables.Distinct().Count());
        Assert.All(enis, e => Assert.Equal([$"192.168.{e}.10"], bed.Instance.Addresses(GuestInstance.LinkName(e))));
        Assert.All(tables, t => Assert.Contains("default", bed.Instance.Routes(t)));
        // Passes that found nothing to change (echoes, late events) do not count: only those the storm itself needed.
        var applying = daemon.LogLines.Count(l => l.Contains("reconciled (", StringComparison.Ordinal) && !l.Contains("nothing to change", StringComparison.Ordinal));
        Assert.True(applying < 10, $"a storm should merge into few reconciles, saw {applying}:\n{daemon.Log}");
    }
}
