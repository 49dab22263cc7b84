using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Core.State;

namespace EniAgent.Core.Tests.State;

public class SlotBookTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static RoutingLayout Layout(int maxSlots) => new(new RoutingOptions { MaxSlots = maxSlots });

    private static SlotReconciliation Run(AgentState state, string[] attached, int maxSlots = 4, Func<int, bool>? foreign = null, DateTimeOffset? now = null) =>
        SlotBook.Reconcile(state, attached, Layout(maxSlots), foreign ?? (_ => false), now ?? T0);

    [Fact]
    public void New_enis_take_the_lowest_free_slots()
    {
        var r = Run(AgentState.Empty, ["eni-b", "eni-a"]);
        Assert.Equal(new Dictionary<string, int> { ["eni-a"] = 0, ["eni-b"] = 1 }, r.AttachedSlots);
        Assert.Empty(r.Unallocated);
        Assert.All(r.State.Slots, s => Assert.True(s.IsAttached));
    }

    [Fact]
    public void Detached_eni_keeps_its_slot_and_gets_it_back_on_reattach()
    {
        var first = Run(AgentState.Empty, ["eni-a", "eni-b"]).State;
        var detached = Run(first, ["eni-a"], now: T0.AddHours(1)).State;
        Assert.Equal(new SlotRecord("eni-b", 1, T0.AddHours(1)), detached.Slots.Single(s => s.EniId == "eni-b"));

        // Another ENI arriving meanwhile does not take the reserved slot.
        var withC = Run(detached, ["eni-a", "eni-c"], now: T0.AddHours(2));
        Assert.Equal(2, withC.AttachedSlots["eni-c"]);
        Assert.Equal(T0.AddHours(1), withC.State.Slots.Single(s => s.EniId == "eni-b").DetachedAt);

        var back = Run(withC.State, ["eni-a", "eni-b", "eni-c"], now: T0.AddHours(3));
        Assert.Equal(1, back.AttachedSlots["eni-b"]);
        Assert.Null(back.State.Slots.Single(s => s.EniId == "eni-b").DetachedAt);
    }

    [Fact]
    public void When_slots_run_out_the_longest_detached_is_reclaimed_first()
    {
        var state = AgentState.Empty.WithSlots(
        [
            new SlotRecord("eni-a", 0, null),
            new SlotRecord("eni-old", 1, T0),
            new SlotRecord("eni-newer", 2, T0.AddDays(1)),
        ]);

        var r = Run(state, ["eni-a", "eni-x", "eni-y"], maxSlots: 3, now: T0.AddDays(2));

        Assert.Equal(["eni-newer", "eni-old"], r.Evicted.Select(e => e.EniId).Order());
        Assert.Equal(new Dictionary<string, int> { ["eni-a"] = 0, ["eni-x"] = 1, ["eni-y"] = 2 }, r.AttachedSlots);

        var one = Run(state, ["eni-a", "eni-x"], maxSlots: 3, now: T0.AddDays(2));
        Assert.Equal("eni-old", Assert.Single(one.Evicted).EniId);
        Assert.Equal(1, one.AttachedSlots["eni-x"]);
        Assert.Contains(one.State.Slots, s => s.EniId == "eni-newer");
    }

    [Fact]
    public void Without_detached_reservations_the_rest_stay_unallocated()
    {
        var r = Run(AgentState.Empty, ["eni-a", "eni-b", "eni-c"], maxSlots: 2);
        Assert.Equal(["eni-c"], r.Unallocated);
        Assert.Empty(r.Evicted);
    }

    [Fact]
    public void Slots_in_use_by_someone_else_are_skipped()
    {
        var r = Run(AgentState.Empty, ["eni-a"], foreign: s => s == 0);
        Assert.Equal(1, r.AttachedSlots["eni-a"]);
    }

    [Fact]
    public void Reservations_beyond_a_reduced_max_are_dropped()
    {
        var state = AgentState.Empty.WithSlots([new SlotRecord("eni-a", 7, null), new SlotRecord("eni-b", 8, T0)]);
        var r = Run(state, ["eni-a"], maxSlots: 4);
        Assert.Equal(0, r.AttachedSlots["eni-a"]);
        Assert.DoesNotContain(r.State.Slots, s => s.EniId == "eni-b");
    }

    [Fact]
    public void Reconcile_is_idempotent()
    {
        var once = Run(AgentState.Empty, ["eni-a", "eni-b"]).State;
        Assert.Equal(once, Run(once, ["eni-a", "eni-b"], now: T0.AddDays(5)).State);
        var detached = Run(once, ["eni-a"], now: T0.AddDays(1)).State;
        Assert.Equal(detached, Run(detached, ["eni-a"], now: T0.AddDays(9)).State);
    }
}
