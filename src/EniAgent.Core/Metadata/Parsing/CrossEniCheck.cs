namespace EniAgent.Core.Metadata.Parsing;

/// <summary>
/// Checks across ENIs that each looked valid alone: one ENI id or one address served for two MACs means the
/// tree is inconsistent, and neither side can be trusted.
/// </summary>
internal static class CrossEniCheck
{
    /// <summary>Moves every ENI involved in a conflict from <paramref name="valid"/> to <paramref name="invalid"/>.</summary>
    public static void Apply(List<EniMetadata> valid, List<InvalidEni> invalid)
    {
        var conflicts = new Dictionary<EniMetadata, InvalidEni>(ReferenceEqualityComparer.Instance);
        foreach (var group in valid.GroupBy(e => e.EniId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var eni in group)
            {
                var others = string.Join(", ", group.Where(o => !ReferenceEquals(o, eni)).Select(o => MacAddress.Format(o.Mac)));
                conflicts.TryAdd(eni, Conflict(eni, MetadataItems.NetworkInterfaceId, eni.EniId, $"also served for MAC {others}"));
            }
        }

        var owners = valid
            .SelectMany(e => e.PrivateIpv4s.Select(ip => (ip, eni: e, item: MetadataItems.PrivateIpv4s))
                .Concat(e.Ipv6s.Select(ip => (ip, eni: e, item: MetadataItems.Ipv6s))))
            .GroupBy(x => x.ip)
            .Where(g => g.Select(x => x.eni).Distinct().Count() > 1)
            .OrderBy(g => g.Key, IpOrdering.Addresses);
        foreach (var group in owners)
        {
            foreach (var (ip, eni, item) in group)
            {
                var others = string.Join(", ", group.Where(o => !ReferenceEquals(o.eni, eni)).Select(o => $"{o.eni.EniId} ({MacAddress.Format(o.eni.Mac)})"));
                conflicts.TryAdd(eni, Conflict(eni, item, ip.ToString(), $"{ip} is also assigned to {others}"));
            }
        }

        valid.RemoveAll(conflicts.ContainsKey);
        invalid.AddRange(conflicts.Values);
    }

    private static InvalidEni Conflict(EniMetadata eni, string item, string value, string reason)
    {
        var mac = MacAddress.Format(eni.Mac);
        return new InvalidEni(mac, eni.Mac, eni.EniId, item, value, reason);
    }
}
