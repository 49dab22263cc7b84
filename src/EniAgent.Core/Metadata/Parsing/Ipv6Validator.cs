using System.Net;
using static EniAgent.Core.Metadata.MetadataItems;

namespace EniAgent.Core.Metadata.Parsing;

/// <summary>The IPv6 items of one ENI: addresses, gateway, vSwitch/VPC CIDRs and delegated prefixes.</summary>
internal static class Ipv6Validator
{
    private static readonly IPNetwork LinkLocal = new(IPAddress.Parse("fe80::"), 10);

    public static Ipv6Items Validate(EniItemReader items)
    {
        IPNetwork? vswitch = items.TryGet<IPNetwork>(VSwitchIpv6CidrBlock, CidrParser.TryParseV6, out var cidr) ? cidr : null;
        var addresses = items.List<IPAddress>(Ipv6s, allowBare: false, Ipv6Parser.TryParse);
        foreach (var ip in addresses)
        {
            if (AddressProblem(ip, vswitch) is { } problem)
            {
                throw items.Invalid(Ipv6s, problem);
            }
        }

        IPAddress? gateway = null;
        if (items.TryGet<IPAddress>(Ipv6Gateway, Ipv6Parser.TryParse, out var parsedGateway))
        {
            var onLink = LinkLocal.Contains(parsedGateway) || (vswitch is { } v && v.Contains(parsedGateway));
            if (!onLink || parsedGateway.IsIPv6Multicast)
            {
                throw items.Invalid(Ipv6Gateway, $"{parsedGateway} is neither link-local nor inside the vSwitch IPv6 CIDR {vswitch?.ToString() ?? "(absent)"}");
            }

            if (addresses.Contains(parsedGateway))
            {
                throw items.Invalid(Ipv6Gateway, $"{parsedGateway} is one of the ENI's own addresses");
            }

            gateway = parsedGateway;
        }

        var prefixes = items.List<IPNetwork>(Ipv6Prefixes, allowBare: true, CidrParser.TryParseV6);
        foreach (var prefix in prefixes.Where(p => vswitch is { } v && !EniValidator.Within(p, v)))
        {
            throw items.Invalid(Ipv6Prefixes, $"{prefix} is outside the vSwitch IPv6 CIDR {vswitch}");
        }

        return new Ipv6Items(
            addresses.Distinct().Order(IpOrdering.Addresses).ToValueList(),
            gateway,
            vswitch,
            EniValidator.SortedNetworks(items.List<IPNetwork>(VpcIpv6CidrBlocks, allowBare: true, CidrParser.TryParseV6)),
            EniValidator.SortedNetworks(prefixes));
    }

    private static string? AddressProblem(IPAddress ip, IPNetwork? vswitch)
    {
        if (ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.IPv6Loopback) || ip.IsIPv6Multicast || LinkLocal.Contains(ip))
        {
            return $"{ip} is not a global unicast address";
        }

        return vswitch is { } v && !v.Contains(ip) ? $"{ip} is outside the vSwitch IPv6 CIDR {v}" : null;
    }
}
