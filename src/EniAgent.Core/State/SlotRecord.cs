namespace EniAgent.Core.State;

/// <summary>
/// An ENI's routing slot. Kept after the ENI detaches (<see cref="DetachedAt"/> set) so that the same ENI
/// attached again gets the same table and priorities; reclaimed only when slots run out, oldest detach first.
/// </summary>
public sealed record SlotRecord(string EniId, int Slot, DateTimeOffset? DetachedAt)
{
    public bool IsAttached => DetachedAt is null;
}
