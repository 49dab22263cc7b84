using System.Globalization;

namespace EniAgent.Netlink.Tests.Kernel;

/// <summary>
/// Per-link IPv4 settings over rtnetlink against the real kernel; /proc/sys/net/ipv4/conf is only ever read
/// (inside the test namespace), as the reference.
/// </summary>
public sealed class Ipv4DevConfKernelTests : NamespaceTest
{
    [Fact]
    public async Task A_link_dump_reports_every_setting_as_proc_shows_it()
    {
        Ns.AddVeth("ve0", "ve1");

        var conf = (await Connection.GetLinksAsync(Timeout)).Single(l => l.Name == "ve0").Ipv4DevConf;

        Assert.NotNull(conf);
        var files = Ns.Exec("ls", "/proc/sys/net/ipv4/conf/ve0").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var compared = 0;
        for (var id = NetlinkIpv4DevConfId.Forwarding; id <= NetlinkIpv4DevConfIds.MaxKnown && (int)id <= conf.Count; id++)
        {
            if (files.Contains(id.SysctlName()))
            {
                Assert.True(Proc("ve0", id.SysctlName()) == (int)conf[id]!.Value, $"{id.SysctlName()}: proc {Proc("ve0", id.SysctlName())}, netlink {conf[id]}");
                compared++;
            }
        }

        // Every id up to promote_secondaries has existed since 2.6; a name mismatch would leave ids uncompared.
        Assert.True(compared >= (int)NetlinkIpv4DevConfId.PromoteSecondaries, $"only {compared} settings compared");
    }

    [Fact]
    public async Task Sets_arp_ignore_arp_announce_and_promote_secondaries_and_reads_them_back()
    {
        var ve0 = await AddVethUpAsync();
        var before = (await Connection.GetLinksAsync(Timeout)).Single(l => l.Index == ve0).Ipv4DevConf!;
        Assert.Equal(0u, before[NetlinkIpv4DevConfId.ArpIgnore]);

        await Connection.SetLinkIpv4DevConfAsync(
            ve0,
            new Dictionary<NetlinkIpv4DevConfId, uint>
            {
                [NetlinkIpv4DevConfId.ArpIgnore] = 1,
                [NetlinkIpv4DevConfId.ArpAnnounce] = 2,
                [NetlinkIpv4DevConfId.PromoteSecondaries] = 1,
            },
            Timeout);

        var after = (await Connection.GetLinksAsync(Timeout)).Single(l => l.Index == ve0).Ipv4DevConf!;
        Assert.Equal(1u, after[NetlinkIpv4DevConfId.ArpIgnore]);
        Assert.Equal(2u, after[NetlinkIpv4DevConfId.ArpAnnounce]);
        Assert.Equal(1u, after[NetlinkIpv4DevConfId.PromoteSecondaries]);
        Assert.Equal(1, Proc("ve0", "arp_ignore"));
        Assert.Equal(2, Proc("ve0", "arp_announce"));
        Assert.Equal(1, Proc("ve0", "promote_secondaries"));
        // Nothing else moved, and the peer kept its own settings.
        for (var id = NetlinkIpv4DevConfId.Forwarding; (int)id <= after.Count; id++)
        {
            if (id is not (NetlinkIpv4DevConfId.ArpIgnore or NetlinkIpv4DevConfId.ArpAnnounce or NetlinkIpv4DevConfId.PromoteSecondaries))
            {
                Assert.True(before[id] == after[id], $"{id.SysctlName()} changed from {before[id]} to {after[id]}");
            }
        }

        Assert.Equal(0, Proc("ve1", "arp_ignore"));
    }

    [Fact]
    public async Task Setting_the_values_already_in_place_succeeds()
    {
        var ve0 = await AddVethUpAsync();
        var values = new Dictionary<NetlinkIpv4DevConfId, uint> { [NetlinkIpv4DevConfId.ArpIgnore] = 1 };

        await Connection.SetLinkIpv4DevConfAsync(ve0, values, Timeout);
        await Connection.SetLinkIpv4DevConfAsync(ve0, values, Timeout);

        Assert.Equal(1, Proc("ve0", "arp_ignore"));
    }

    [Fact]
    public async Task The_link_event_of_a_change_carries_the_new_settings()
    {
        var ve0 = await AddVethUpAsync();
        using var monitor = Ns.OpenMonitor(NetlinkGroups.Link);

        await Connection.SetLinkIpv4DevConfAsync(ve0, new Dictionary<NetlinkIpv4DevConfId, uint> { [NetlinkIpv4DevConfId.ArpIgnore] = 1 }, Timeout);

        await foreach (var e in monitor.ReadEventsAsync(Timeout))
        {
            if (e is NetlinkLinkEvent { Link: var link } && link.Index == ve0 && link.Ipv4DevConf?[NetlinkIpv4DevConfId.ArpIgnore] == 1)
            {
                return;
            }
        }

        Assert.Fail("no link event with arp_ignore 1");
    }

    [Fact]
    public async Task An_unknown_index_is_enodev()
    {
        var error = await Assert.ThrowsAsync<NetlinkException>(() =>
            Connection.SetLinkIpv4DevConfAsync(9999, new Dictionary<NetlinkIpv4DevConfId, uint> { [NetlinkIpv4DevConfId.ArpIgnore] = 1 }, Timeout));

        Assert.Equal(Errno.ENODEV, error.Errno);
        Assert.StartsWith("set link #9999 arp_ignore 1: ENODEV", error.Message, StringComparison.Ordinal);
    }

    private int Proc(string link, string name) =>
        int.Parse(Ns.Exec("cat", $"/proc/sys/net/ipv4/conf/{link}/{name}").Trim(), CultureInfo.InvariantCulture);
}
