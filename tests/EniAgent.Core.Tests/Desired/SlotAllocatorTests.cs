using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;

namespace EniAgent.Core.Tests.Desired;

public sealed class SlotAllocatorTests
{
    private static readonly RoutingLayout Layout = new(new RoutingOptions { MaxSlots = 4 });

    [Fact]
    public void Keeps_existing_and_fills_lowest_free_slots_skipping_foreign_ones()
    {
        var slots = SlotAllocator.Allocate(new Dictionary<string, int> { ["eni-b"] = 0 }, ["eni-a", "eni-b", "eni-c"], Layout, slot => slot == 1, out var missing);

        Assert.Equal(0, slots["eni-b"]);
        Assert.Equal(2, slots["eni-a"]);
        Assert.Equal(3, slots["eni-c"]);
        Assert.Empty(missing);
    }

    [Fact]
    public void Reports_enis_without_a_slot()
    {
        SlotAllocator.Allocate(new Dictionary<string, int>(), ["a", "b", "c", "d", "e"], Layout, _ => false, out var missing);

        Assert.Equal(["e"], missing.ToArray());
    }

    [Fact]
    public void Many_enis_get_distinct_slots()
    {
        var layout = new RoutingLayout(new RoutingOptions());
        var slots = SlotAllocator.Allocate(new Dictionary<string, int>(), Enumerable.Range(0, 60).Select(i => $"eni-{i:d3}"), layout, _ => false, out _);

        Assert.Equal(60, slots.Values.Distinct().Count());
        Assert.Equal(60, slots.Values.Select(layout.TableOf).Distinct().Count());
    }
}
