using System.Net.NetworkInformation;
using EniAgent.Core.Planning;

namespace EniAgent.Platform.Tests.Kernel;

/// <summary>
/// Regression (field.md §5 item 11): two secondary ENIs in one vSwitch subnet. With the kernel's default
/// arp_ignore=0 each ENI answers ARP for the other's addresses ("ARP flux"), so the vSwitch sends an
/// address's traffic to the wrong ENI. The agent sets arp_ignore=1, arp_announce=2, promote_secondaries=1
/// on every secondary ENI link; real packets from a third namespace show every address answering through
/// its own ENI, round after round.
/// </summary>
public sealed class SameSubnetEnisTrafficTests
{
    private const int Rounds = 3;

    [Theory]
    [InlineData(1)] // strict reverse-path filtering, as the VPC's source/destination check expects
    [InlineData(2)] // loose, the default of many images: there ARP flux is not masked by rp_filter
    public async Task Every_address_answers_through_its_own_eni(int guestRpFilter)
    {
        using var lab = SameSubnetLab.Create(guestRpFilter);

        var plan = await lab.ReconcileAsync();

        Assert.Equal(
            ["~ link eth1 arp_ignore 1 arp_announce 2 promote_secondaries 1", "~ link eth2 arp_ignore 1 arp_announce 2 promote_secondaries 1"],
            plan.Groups.SelectMany(g => g.Steps).OfType<SetLinkDevConfStep>().Select(s => s.Describe()));
        foreach (var link in new[] { "eth1", "eth2" })
        {
            Assert.Equal((1, 2, 1), (lab.GuestConf(link, "arp_ignore"), lab.GuestConf(link, "arp_announce"), lab.GuestConf(link, "promote_secondaries")));
        }

        var second = await lab.PlanAsync();
        Assert.True(second.IsEmpty, string.Join('\n', second.Groups.SelectMany(g => g.Steps)));

        var failures = new List<string>();
        for (var round = 1; round <= Rounds; round++)
        {
            lab.FlushRouterNeighbours();
            foreach (var (address, owner) in Owners())
            {
                if (!lab.Ping(address))
                {
                    failures.Add($"round {round}: {address} did not answer");
                }
                else if (lab.RouterNeighbour(address) is var mac && !owner.Equals(mac))
                {
                    failures.Add($"round {round}: {address} resolved to {mac}, not its ENI's {owner}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Without_the_link_settings_one_eni_answers_arp_for_the_other()
    {
        // The control: the same lab and plan minus the link settings shows the flux this suite guards against.
        using var lab = SameSubnetLab.Create(guestRpFilter: 2);
        Assert.True(lab.GuestConf("all", "arp_ignore") == 0, "conf/all/arp_ignore is inherited from the host and not 0: ARP flux cannot be shown here");

        await lab.ReconcileAsync(keep: s => s.Kind != PlanStepKind.SetLinkDevConf);

        var wrong = new List<string>();
        foreach (var (address, owner) in Owners())
        {
            Assert.True(lab.Ping(address), $"{address} did not answer");
            if (lab.RouterNeighbour(address) is { } mac && !owner.Equals(mac))
            {
                wrong.Add(address);
            }
        }

        Assert.NotEmpty(wrong);
    }

    [Fact]
    public async Task Removing_an_enis_first_address_keeps_its_others()
    {
        using var lab = SameSubnetLab.Create(guestRpFilter: 1);
        await lab.ReconcileAsync();

        // 192.168.2.10 was added first; the kernel holds .11 and .12 as its secondaries.
        lab.Guest.Ip("address", "del", "192.168.2.10/24", "dev", "eth1");

        var left = lab.Guest.IpJson("-4", "address", "show", "dev", "eth1")[0].GetProperty("addr_info").EnumerateArray().Select(a => a.GetProperty("local").GetString());
        Assert.Equal(["192.168.2.11", "192.168.2.12"], left.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<(string Address, PhysicalAddress Owner)> Owners() =>
        SameSubnetLab.Eth1Addresses.Select(a => (a, SameSubnetLab.Eth1Mac))
            .Concat(SameSubnetLab.Eth2Addresses.Select(a => (a, SameSubnetLab.Eth2Mac)));
}
