using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Rendering.Text;

namespace EniAgent.Rendering.Renderers;

/// <summary>Validates a request and turns its specs into <see cref="EniView"/>s (shared by all renderers).</summary>
internal static class EniViews
{
    /// <summary>
    /// Views of the secondary ENIs (and the primary, when present), sorted by interface name. ENIs without an
    /// interface name are skipped with a note; invalid names throw <see cref="RenderException"/> naming
    /// <paramref name="fileLabel"/> (the file pattern of the format, e.g. <c>/etc/network/interfaces.d/eniagent-&lt;if&gt;</c>).
    /// </summary>
    public static ImmutableArray<EniView> Build(RenderRequest request, string fileLabel, ICollection<RenderNote> notes)
    {
        ArgumentNullException.ThrowIfNull(request);
        var views = new List<EniView>();
        var specs = request.Secondaries.AsEnumerable();
        if (request.Primary is { } primary)
        {
            specs = specs.Append(primary);
        }

        foreach (var spec in specs)
        {
            if (!Names.IsValidEniId(spec.EniId))
            {
                throw new RenderException(spec.EniId, fileLabel, "ENI ID", spec.EniId ?? string.Empty, "is not eni- followed by letters and digits");
            }

            var name = request.InterfaceNameOf(spec);
            if (name is null)
            {
                notes.Add(new RenderNote(NoteSeverity.Warning, spec.EniId, "no interface name yet (link not present); nothing persisted for this ENI"));
                continue;
            }

            if (!Names.IsValidInterfaceName(name))
            {
                throw new RenderException(spec.EniId, fileLabel, "interface name", name, "is not a letter followed by up to 14 letters, digits, '_' or '-'");
            }

            if (spec.Role == EniRole.Secondary && spec.Table is null)
            {
                throw new RenderException(spec.EniId, fileLabel, "table", "(none)", "is missing on a secondary ENI spec");
            }

            views.Add(Create(request, spec, name));
        }

        var duplicate = views.GroupBy(v => v.InterfaceName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var first = duplicate.First();
            throw new RenderException(first.EniId, fileLabel, "interface name", first.InterfaceName, $"is claimed by more than one ENI ({string.Join(", ", duplicate.Select(v => v.EniId))})");
        }

        return [.. views.OrderBy(v => v.InterfaceName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Like <see cref="Build"/>, for formats that configure whole interfaces: the primary ENI is left out with a
    /// warning, because a file of ours for it would replace (or compete with) the image's own configuration.
    /// </summary>
    public static ImmutableArray<EniView> BuildSecondaries(RenderRequest request, string fileLabel, ResultBuilder result, string format)
    {
        var views = Build(request, fileLabel, result.Notes);
        foreach (var primary in views.Where(v => v.IsPrimary))
        {
            result.Note(NoteSeverity.Warning, primary.EniId, $"{format}: the primary ENI's secondary IPs are applied live only (eniagent does not touch the image's own configuration of {primary.InterfaceName})");
        }

        return [.. views.Where(v => !v.IsPrimary)];
    }

    private static EniView Create(RenderRequest request, EniSpec spec, string name)
    {
        var isPrimary = spec.Role == EniRole.Primary;
        var dhcp = !isPrimary && request.Addressing == AddressingMode.Dhcp;
        var primaryIp = spec.Metadata.PrimaryIp;
        var addresses = spec.Addresses
            .Where(a => !(dhcp && a.Address.Address.Equals(primaryIp)))
            .OrderBy(a => a.Address.Family == AddressFamily.InterNetworkV6 ? 1 : 0)
            .ThenBy(a => a.Address.Address.Equals(primaryIp) ? 0 : 1)
            .ThenBy(a => a.Address.Address, AddressComparer.Instance)
            .ThenBy(a => a.Address.PrefixLength);

        var routes = (isPrimary ? Enumerable.Empty<RouteSpec>() : spec.Routes)
            .OrderBy(r => FamilyOrder(r.Family))
            .ThenBy(r => r.Gateway is null ? 0 : 1)
            .ThenByDescending(r => r.Destination.PrefixLength)
            .ThenBy(r => r.Destination.BaseAddress, AddressComparer.Instance)
            .ThenBy(r => r.Table);

        var own = isPrimary ? Enumerable.Empty<RuleSpec>() : spec.Rules.AsEnumerable();
        var families = own.Select(r => r.Family).ToHashSet();
        var rules = own
            .Concat(request.SharedRules.Where(r => families.Contains(r.Family)))
            .Distinct()
            .OrderBy(r => FamilyOrder(r.Family))
            .ThenBy(r => r.Priority)
            .ThenBy(r => r.From is { } f ? f.BaseAddress : null, AddressComparer.Instance)
            .ThenBy(r => r.From?.PrefixLength ?? -1);

        return new EniView
        {
            Spec = spec,
            InterfaceName = name,
            Mac = MacAddress.Format(spec.Mac),
            Dhcp = dhcp,
            Addresses = [.. addresses],
            Routes = [.. routes],
            Rules = [.. rules],
            Header = OwnershipHeader.ForEni(spec.EniId, spec.Mac),
        };
    }

    private static int FamilyOrder(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? 1 : 0;

    /// <summary>Orders addresses by family then by their bytes (numeric order, unlike text order).</summary>
    private sealed class AddressComparer : IComparer<IPAddress?>
    {
        public static readonly AddressComparer Instance = new();

        public int Compare(IPAddress? x, IPAddress? y)
        {
            if (x is null || y is null)
            {
                return (x is null ? 0 : 1) - (y is null ? 0 : 1);
            }

            var bx = x.GetAddressBytes();
            var by = y.GetAddressBytes();
            return bx.Length != by.Length ? bx.Length.CompareTo(by.Length) : bx.AsSpan().SequenceCompareTo(by);
        }
    }
}
