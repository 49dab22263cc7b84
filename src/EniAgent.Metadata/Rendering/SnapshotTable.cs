using System.Text;
using EniAgent.Core;
using EniAgent.Core.Metadata;

namespace EniAgent.Metadata.Rendering;

/// <summary>Renders a snapshot as the human-readable output of <c>eniagent metadata</c>.</summary>
public static class SnapshotTable
{
    private static readonly string[] Headers = ["", "MAC", "ENI", "PRIMARY IP", "SUBNET", "GATEWAY", "SECONDARY IPV4", "IPV6", "PREFIXES"];

    public static string Render(MetadataSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = new StringBuilder();
        text.Append("instance ").Append(snapshot.InstanceId);
        var details = new[] { snapshot.InstanceType, snapshot.RegionId, snapshot.ZoneId }.Where(d => d is not null).ToList();
        if (details.Count > 0)
        {
            text.Append(" (").AppendJoin(", ", details).Append(')');
        }

        text.Append(", primary MAC ").Append(MacAddress.Format(snapshot.PrimaryMac)).Append('\n').Append('\n');
        var rows = snapshot.Enis.Select(e => Row(e, e.Mac.Equals(snapshot.PrimaryMac))).Prepend(Headers).ToList();
        AppendTable(text, rows);
        text.Append("(* = primary ENI; ").Append(snapshot.Enis.Count).Append(" valid ENI").Append(snapshot.Enis.Count == 1 ? "" : "s").Append(")\n");

        if (snapshot.InvalidEnis.Count > 0)
        {
            text.Append('\n').Append("invalid ENIs (not configured):\n");
            foreach (var invalid in snapshot.InvalidEnis)
            {
                text.Append("  ").Append(invalid.Mac is { } mac ? MacAddress.Format(mac) : invalid.RawMac)
                    .Append("  ").Append(invalid.EniId ?? "-")
                    .Append("  ").Append(invalid.Item).Append(" = \"").Append(invalid.Value).Append("\": ")
                    .Append(invalid.Reason).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string[] Row(EniMetadata eni, bool primary) =>
    [
        primary ? "*" : "",
        MacAddress.Format(eni.Mac),
        eni.EniId,
        eni.PrimaryIp.ToString(),
        eni.Subnet.ToString(),
        eni.Gateway.ToString(),
        Join(eni.SecondaryIpv4s),
        Join(eni.Ipv6s),
        Join(eni.Ipv4Prefixes.Concat(eni.Ipv6Prefixes)),
    ];

    private static string Join<T>(IEnumerable<T> values)
    {
        var joined = string.Join(",", values);
        return joined.Length == 0 ? "-" : joined;
    }

    private static void AppendTable(StringBuilder text, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, Headers.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var line = string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c])));
            text.Append(line.TrimEnd()).Append('\n');
        }
    }
}
