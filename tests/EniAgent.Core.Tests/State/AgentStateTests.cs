using System.Net;
using System.Net.NetworkInformation;
using EniAgent.Core.State;

namespace EniAgent.Core.Tests.State;

public class AgentStateTests
{
    private static readonly PhysicalAddress MacA = PhysicalAddress.Parse("00-16-3E-00-00-0A");
    private static readonly PhysicalAddress MacB = PhysicalAddress.Parse("00-16-3E-00-00-0B");

    private static InterfaceAddress Addr(string text, int prefix) => new(IPAddress.Parse(text), prefix);

    [Fact]
    public void States_compare_by_content()
    {
        AgentState Make() => AgentState.Empty
            .WithSlots([new SlotRecord("eni-b", 1, null), new SlotRecord("eni-a", 0, null)])
            .WithAddresses(MacA, [Addr("10.0.0.5", 24), Addr("10.0.0.4", 24)])
            .WithFiles(["/b", "/a", "/a"]);
        Assert.Equal(Make(), Make());
        Assert.Equal(Make().GetHashCode(), Make().GetHashCode());
        Assert.NotEqual(Make(), Make().WithFiles(["/a"]));
    }

    [Fact]
    public void Lists_are_kept_sorted_and_deduplicated()
    {
        var s = AgentState.Empty
            .WithSlots([new SlotRecord("eni-b", 1, null), new SlotRecord("eni-a", 0, null)])
            .WithAddresses(MacB, [Addr("fd00::1", 64), Addr("10.0.0.9", 24), Addr("10.0.0.10", 24), Addr("10.0.0.9", 24)])
            .WithAddresses(MacA, [Addr("10.0.0.1", 24)])
            .WithFiles(["/z", "/a", "/z"]);
        Assert.Equal(["eni-a", "eni-b"], s.Slots.Select(x => x.EniId));
        Assert.Equal([MacA, MacB], s.Addresses.Select(x => x.Mac));
        Assert.Equal(["10.0.0.9/24", "10.0.0.10/24", "fd00::1/64"], s.AddressesOf(MacB).Select(a => a.ToString()));
        Assert.Equal(["/a", "/z"], s.Files);
        Assert.Equal(new Dictionary<string, int> { ["eni-a"] = 0, ["eni-b"] = 1 }, s.SlotMap);
    }

    [Fact]
    public void Empty_address_set_forgets_the_mac()
    {
        var s = AgentState.Empty.WithAddresses(MacA, [Addr("10.0.0.1", 24)]).WithAddresses(MacA, []);
        Assert.Empty(s.Addresses);
        Assert.Empty(s.AddressesOf(MacA));
        Assert.Equal(AgentState.Empty, s);
    }
}
