using System.Net;
using System.Net.Sockets;
using EniAgent.Core.Configuration;
using EniAgent.Core.Kernel;
using EniAgent.Core.Metadata;

namespace EniAgent.Core.Desired;

/// <summary>
/// Pure: metadata + observed links + configuration + slot allocations → the desired state. ENIs whose slot
/// is missing from <paramref name="slots"/> are reported as <see cref="EniDisposition.NoSlot"/>.
/// </summary>
public static class DesiredStateBuilder
{
    private const AddressFlags SecondaryEniFlags = AddressFlags.NoPrefixRoute;
    private const AddressFlags Ipv6Flags = AddressFlags.NoPrefixRoute | AddressFlags.NoDad;

    public static DesiredState Build(
        MetadataSnapshot metadata,
        IReadOnlyList<LinkSnapshot> links,
        AgentOptions options,
        IReadOnlyDictionary<string, int> slots)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(slots);

        var layout = new RoutingLayout(options.Routing);
        var specs = new List<EniSpec>();
        var decisions = new List<EniDecision>();
        var allSubnets = metadata.Enis.Select(e => e.Subnet)
            .Concat(options.Ipv6 ? metadata.Enis.Where(e => e.VSwitchIpv6Cidr is not null && e.Ipv6s.Count > 0).Select(e => e.VSwitchIpv6Cidr!.Value) : [])
            .ToList();

        foreach (var invalid in metadata.InvalidEnis)
        {
            var link = invalid.Mac is { } m ? links.FirstOrDefault(l => l.Mac.Equals(m)) : null;
            decisions.Add(new EniDecision(invalid.EniId, invalid.Mac, link?.Name, RoleOf(metadata, invalid.Mac), EniDisposition.Invalid, invalid.ToString()));
        }

        foreach (var eni in metadata.Enis.OrderBy(e => e.EniId, StringComparer.Ordinal))
        {
            var link = links.FirstOrDefault(l => l.Mac.Equals(eni.Mac));
            var role = eni.Mac.Equals(metadata.PrimaryMac) ? EniRole.Primary : EniRole.Secondary;
            var excludedBy = ExcludedBy(options, eni, link);
            if (excludedBy is not null)
            {
                decisions.Add(new EniDecision(eni.EniId, eni.Mac, link?.Name, role, EniDisposition.Excluded, $"excluded by configuration entry '{excludedBy}'"));
                continue;
            }

            EniSpec spec;
            Ipv6Skip? ipv6Skipped = null;
            if (role == EniRole.Primary)
            {
                if (!options.ManagePrimarySecondaryIps)
                {
                    decisions.Add(new EniDecision(eni.EniId, eni.Mac, link?.Name, role, EniDisposition.Primary, "primary ENI is left alone (opt in with primary.manage-secondary-ips)"));
                    continue;
                }

                spec = PrimarySpec(eni, link);
            }
            else
            {
                if (!slots.TryGetValue(eni.EniId, out var slot))
                {
                    decisions.Add(new EniDecision(eni.EniId, eni.Mac, link?.Name, role, EniDisposition.NoSlot, $"no free routing slot among {options.Routing.MaxSlots} (tables {options.Routing.TableBase}+)"));
                    continue;
                }

                // IPv6 the host or link has turned off is skipped on purpose (observed fact), not attempted and failed.
                ipv6Skipped = options.Ipv6 ? Ipv6Skip.For(eni, link) : null;
                spec = SecondarySpec(eni, link, slot, layout, options.Ipv6 && ipv6Skipped is null, allSubnets);
            }

            specs.Add(spec);
            decisions.Add(link is null
                ? new EniDecision(eni.EniId, eni.Mac, null, role, EniDisposition.Pending, "listed in metadata, link not present yet")
                : new EniDecision(eni.EniId, eni.Mac, link.Name, role, EniDisposition.Managed, ipv6Skipped is null ? "managed" : $"managed; IPv6 skipped: {ipv6Skipped.Why}")
                {
                    Ipv6Skipped = ipv6Skipped,
                });
        }

        var shared = new List<RuleSpec>();
        var secondaries = specs.Where(s => s.Role == EniRole.Secondary).ToList();
        if (secondaries.Count > 0)
        {
            shared.Add(layout.SuppressRule(AddressFamily.InterNetwork));
            if (secondaries.Any(s => s.Rules.Any(r => r.Family == AddressFamily.InterNetworkV6)))
            {
                shared.Add(layout.SuppressRule(AddressFamily.InterNetworkV6));
            }
        }

        return new DesiredState(specs.ToValueList(), shared.ToValueList(), decisions.ToValueList());
    }

    private static EniRole? RoleOf(MetadataSnapshot metadata, System.Net.NetworkInformation.PhysicalAddress? mac) =>
        mac is null ? null : mac.Equals(metadata.PrimaryMac) ? EniRole.Primary : EniRole.Secondary;

    private static string? ExcludedBy(AgentOptions options, EniMetadata eni, LinkSnapshot? link)
    {
        var mac = MacAddress.Format(eni.Mac);
        return options.Exclude.FirstOrDefault(x =>
            string.Equals(x, eni.EniId, StringComparison.Ordinal) ||
            string.Equals(x, mac, StringComparison.OrdinalIgnoreCase) ||
            (link is not null && string.Equals(x, link.Name, StringComparison.Ordinal)));
    }

    private static EniSpec PrimarySpec(EniMetadata eni, LinkSnapshot? link) => new()
    {
        EniId = eni.EniId,
        Mac = eni.Mac,
        Role = EniRole.Primary,
        InterfaceName = link?.Name,
        Addresses = eni.SecondaryIpv4s
            .Select(ip => new AddressSpec(new InterfaceAddress(ip, eni.Subnet.PrefixLength), SecondaryEniFlags))
            .ToValueList(),
        Metadata = eni,
    };

    private static EniSpec SecondarySpec(EniMetadata eni, LinkSnapshot? link, int slot, RoutingLayout layout, bool ipv6, IReadOnlyList<IPNetwork> allSubnets)
    {
        var table = layout.TableOf(slot);
        var addresses = new List<AddressSpec>();
        var sources = new List<IPNetwork>();
        foreach (var ip in eni.PrivateIpv4s)
        {
            addresses.Add(new AddressSpec(new InterfaceAddress(ip, eni.Subnet.PrefixLength), SecondaryEniFlags));
            sources.Add(new IPNetwork(ip, 32));
        }

        sources.AddRange(eni.Ipv4Prefixes);
        var useV6 = ipv6 && eni.Ipv6s.Count > 0;
        if (useV6)
        {
            var prefix = eni.VSwitchIpv6Cidr?.PrefixLength ?? 128;
            foreach (var ip in eni.Ipv6s)
            {
                addresses.Add(new AddressSpec(new InterfaceAddress(ip, prefix), Ipv6Flags));
                sources.Add(new IPNetwork(ip, 128));
            }
        }

        if (ipv6)
        {
            sources.AddRange(eni.Ipv6Prefixes);
        }

        return new EniSpec
        {
            EniId = eni.EniId,
            Mac = eni.Mac,
            Role = EniRole.Secondary,
            InterfaceName = link?.Name,
            Slot = slot,
            Table = table,
            LinkSettings = LinkSettings.SecondaryEni,
            Addresses = addresses.ToValueList(),
            Routes = layout.RoutesFor(eni, table, allSubnets, useV6).ToValueList(),
            Rules = layout.RulesFor(sources, slot).ToValueList(),
            Metadata = eni,
        };
    }
}
