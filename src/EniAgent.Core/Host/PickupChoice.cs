namespace EniAgent.Core.Host;

/// <summary>Which stack <see cref="PickupSelector"/> tells about the files, and why (shown when nobody is told).</summary>
public sealed record PickupChoice(PickupStack Stack, string Reason);
