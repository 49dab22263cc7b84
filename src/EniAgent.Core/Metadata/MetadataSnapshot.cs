using System.Net;
using System.Net.NetworkInformation;

namespace EniAgent.Core.Metadata;

/// <summary>
/// What the ECS metadata service said about this instance at one moment: validated ENIs plus the ENIs
/// whose items failed validation (with the reason). Never partial: a read that could not complete is an
/// error, not a snapshot.
/// </summary>
public sealed record MetadataSnapshot(
    string InstanceId,
    string? RegionId,
    string? ZoneId,
    string? InstanceType,
    PhysicalAddress PrimaryMac,
    ValueList<EniMetadata> Enis,
    ValueList<InvalidEni> InvalidEnis)
{
    /// <summary>The primary ENI (its MAC equals the top-level <c>mac</c>), when it is valid.</summary>
    public EniMetadata? Primary => Enis.FirstOrDefault(e => e.Mac.Equals(PrimaryMac));

    public EniMetadata? FindByMac(PhysicalAddress mac) => Enis.FirstOrDefault(e => e.Mac.Equals(mac));

    /// <summary>True when metadata lists this MAC at all (valid or not).</summary>
    public bool Lists(PhysicalAddress mac) =>
        Enis.Any(e => e.Mac.Equals(mac)) || InvalidEnis.Any(e => e.Mac is { } m && m.Equals(mac));
}
