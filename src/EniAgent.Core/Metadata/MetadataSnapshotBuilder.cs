using System.Diagnostics.CodeAnalysis;
using System.Net.NetworkInformation;
using EniAgent.Core.Metadata.Parsing;

namespace EniAgent.Core.Metadata;

/// <summary>
/// Pure: the raw tree → a validated <see cref="MetadataSnapshot"/>. A problem with one ENI makes that ENI
/// invalid (the others proceed); a problem with the instance-level items or the tree's shape throws
/// <see cref="MetadataFormatException"/>. The result does not depend on listing order.
/// </summary>
public static class MetadataSnapshotBuilder
{
    public static MetadataSnapshot Build(RawMetadata raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var instanceId = RequiredInstanceItem<string>(raw, MetadataItems.InstanceId, ResourceIdParser.TryParseInstance);
        var primaryMac = RequiredInstanceItem<PhysicalAddress>(raw, MetadataItems.Mac, TryParseMac);
        if (raw.Enis.Count == 0)
        {
            // Every instance has its primary ENI: an empty listing is a broken read, not "no ENIs".
            throw new MetadataFormatException(MetadataItems.MacsDirectory, null, "lists no ENI at all");
        }

        var valid = new List<EniMetadata>();
        var invalid = new List<InvalidEni>();
        var macs = raw.Enis.Select(e => TryParseMac(MetadataText.TrimTerminators(e.Mac), out var mac, out var error) ? (mac, error) : (null, error)).ToList();
        var listedTwice = macs.Where(m => m.mac is not null)
            .GroupBy(m => MacAddress.Format(m.mac!), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < raw.Enis.Count; i++)
        {
            var rawEni = raw.Enis[i];
            var (mac, macError) = macs[i];
            if (mac is null || listedTwice.Contains(MacAddress.Format(mac)))
            {
                var reason = mac is null ? macError! : "MAC listed more than once";
                invalid.Add(new InvalidEni(MetadataText.Sanitize(rawEni.Mac), mac, null, MetadataItems.Mac, MetadataText.Sanitize(rawEni.Mac), reason));
            }
            else if (EniValidator.TryValidate(rawEni, mac, out var eni, out var problem))
            {
                valid.Add(eni);
            }
            else
            {
                invalid.Add(problem);
            }
        }

        CrossEniCheck.Apply(valid, invalid);
        return new MetadataSnapshot(
            instanceId,
            OptionalName(raw, MetadataItems.RegionId),
            OptionalName(raw, MetadataItems.ZoneId),
            OptionalName(raw, MetadataItems.InstanceType),
            primaryMac,
            valid.OrderBy(e => MacAddress.Format(e.Mac), StringComparer.Ordinal).ToValueList(),
            invalid.OrderBy(e => e.RawMac, StringComparer.Ordinal).ThenBy(e => e.Item, StringComparer.Ordinal).ThenBy(e => e.Reason, StringComparer.Ordinal).ToValueList());
    }

    /// <summary>Exactly six colon-separated hex octets; what the kernel reports is compared by bytes, so case does not matter.</summary>
    internal static bool TryParseMac(string text, [NotNullWhen(true)] out PhysicalAddress? mac, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (MacAddress.TryParse(text, out var parsed))
        {
            mac = parsed;
            error = null;
            return true;
        }

        mac = null;
        error = MetadataText.TryCheck(text, list: false, out var textError) ? "not a MAC address (xx:xx:xx:xx:xx:xx)" : textError;
        return false;
    }

    private static T RequiredInstanceItem<T>(RawMetadata raw, string item, TextParser<T> parser) =>
        InstanceItem(raw, item, parser, out var value) ? value : throw new MetadataFormatException(item, null, "required item is missing");

    private static string? OptionalName(RawMetadata raw, string item) =>
        InstanceItem<string>(raw, item, ResourceIdParser.TryParseName, out var name) ? name : null;

    private static bool InstanceItem<T>(RawMetadata raw, string item, TextParser<T> parser, [NotNullWhen(true)] out T? value)
    {
        value = default;
        if (!raw.Instance.TryGetValue(item, out var rawValue))
        {
            return false;
        }

        var text = MetadataText.TrimTerminators(rawValue);
        if (!MetadataText.TryCheck(text, list: false, out var error) || !parser(text, out value, out error))
        {
            throw new MetadataFormatException(item, MetadataText.Sanitize(rawValue), error ?? "invalid");
        }

        return true;
    }
}
