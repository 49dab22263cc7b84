namespace EniAgent.MetadataEmulator.Scenarios;

/// <summary>The next <see cref="Count"/> non-control requests answer <see cref="Status"/>.</summary>
internal sealed record StatusBurst(int Status, int Count)
{
    public static StatusBurst None { get; } = new(503, 0);
}
