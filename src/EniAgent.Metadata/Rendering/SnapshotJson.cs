using System.Text.Encodings.Web;
using System.Text.Json;
using EniAgent.Core;
using EniAgent.Core.Metadata;

namespace EniAgent.Metadata.Rendering;

/// <summary>Renders a snapshot as the JSON of <c>eniagent metadata --json</c>.</summary>
public static class SnapshotJson
{
    // Terminal and pipe output, never HTML: keep quotes and apostrophes in reasons readable.
    private static readonly MetadataJsonContext Context = new(new JsonSerializerOptions(MetadataJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Render(MetadataSnapshot snapshot) =>
        JsonSerializer.Serialize(ToDto(snapshot), Context.SnapshotJsonDto);

    internal static SnapshotJsonDto ToDto(MetadataSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new SnapshotJsonDto(
            snapshot.InstanceId,
            snapshot.RegionId,
            snapshot.ZoneId,
            snapshot.InstanceType,
            MacAddress.Format(snapshot.PrimaryMac),
            [.. snapshot.Enis.Select(e => ToDto(e, e.Mac.Equals(snapshot.PrimaryMac)))],
            [.. snapshot.InvalidEnis.Select(e => new InvalidEniJsonDto(e.RawMac, e.Mac is { } m ? MacAddress.Format(m) : null, e.EniId, e.Item, e.Value, e.Reason))]);
    }

    private static EniJsonDto ToDto(EniMetadata eni, bool primary) => new(
        MacAddress.Format(eni.Mac),
        eni.EniId,
        primary,
        eni.PrimaryIp.ToString(),
        Strings(eni.PrivateIpv4s),
        eni.Subnet.ToString(),
        eni.Gateway.ToString(),
        eni.VSwitchId,
        eni.VpcId,
        eni.VpcCidr?.ToString(),
        Strings(eni.Ipv6s),
        eni.Ipv6Gateway?.ToString(),
        eni.VSwitchIpv6Cidr?.ToString(),
        Strings(eni.VpcIpv6Cidrs),
        Strings(eni.Ipv4Prefixes),
        Strings(eni.Ipv6Prefixes));

    private static string[] Strings<T>(ValueList<T> values) => [.. values.Select(v => v!.ToString()!)];
}
