using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.NetworkInformation;
using static EniAgent.Core.Metadata.MetadataItems;

namespace EniAgent.Core.Metadata.Parsing;

/// <summary>Turns one ENI's raw items into a validated <see cref="EniMetadata"/>, or says which item is wrong and why.</summary>
internal static class EniValidator
{
    /// <summary>Alibaba vSwitches are /16 to /29; anything far outside is not a real subnet.</summary>
    private const int MinSubnetPrefix = 8;
    private const int MaxSubnetPrefix = 30;

    public static bool TryValidate(RawEni raw, PhysicalAddress mac, [NotNullWhen(true)] out EniMetadata? eni, [NotNullWhen(false)] out InvalidEni? invalid)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var items = new EniItemReader(raw);
        string? eniId = null;
        try
        {
            eniId = items.Required<string>(NetworkInterfaceId, ResourceIdParser.TryParseEni);
            eni = Validate(items, mac, eniId);
            invalid = null;
            return true;
        }
        catch (EniItemException e)
        {
            eni = null;
            invalid = new InvalidEni(MetadataText.Sanitize(raw.Mac), mac, eniId, e.Item, MetadataText.Sanitize(e.Value), e.Reason);
            return false;
        }
    }

    private static EniMetadata Validate(EniItemReader items, PhysicalAddress mac, string eniId)
    {
        var primary = items.Required<IPAddress>(PrimaryIpAddress, Ipv4Parser.TryParse);
        var subnet = Subnet(items, primary);
        var privateIps = AllPrivateIpv4s(items, primary, subnet);
        var gateway = items.Required<IPAddress>(Gateway, Ipv4Parser.TryParse);
        if (HostProblem(gateway, subnet) is { } gatewayProblem)
        {
            throw items.Invalid(Gateway, gatewayProblem);
        }

        if (privateIps.Contains(gateway))
        {
            throw items.Invalid(Gateway, $"{gateway} is one of the ENI's own addresses");
        }

        var ipv4Prefixes = items.List<IPNetwork>(Ipv4Prefixes, allowBare: true, CidrParser.TryParseV4);
        foreach (var prefix in ipv4Prefixes.Where(p => !Within(p, subnet)))
        {
            throw items.Invalid(Ipv4Prefixes, $"{prefix} is outside the vSwitch CIDR {subnet}");
        }

        var ipv6 = Ipv6Validator.Validate(items);
        return new EniMetadata
        {
            Mac = mac,
            EniId = eniId,
            PrimaryIp = primary,
            PrivateIpv4s = privateIps,
            Subnet = subnet,
            Gateway = gateway,
            VSwitchId = items.TryGet<string>(VSwitchId, ResourceIdParser.TryParseVSwitch, out var vswitch) ? vswitch : null,
            VpcId = items.TryGet<string>(VpcId, ResourceIdParser.TryParseVpc, out var vpc) ? vpc : null,
            VpcCidr = items.TryGet<IPNetwork>(VpcCidrBlock, CidrParser.TryParseV4, out var vpcCidr) ? vpcCidr : null,
            Ipv6s = ipv6.Addresses,
            Ipv6Gateway = ipv6.Gateway,
            VSwitchIpv6Cidr = ipv6.VSwitchCidr,
            VpcIpv6Cidrs = ipv6.VpcCidrs,
            Ipv4Prefixes = SortedNetworks(ipv4Prefixes),
            Ipv6Prefixes = ipv6.Prefixes,
        };
    }

    /// <summary>The vSwitch subnet from <c>vswitch-cidr-block</c> and/or <c>netmask</c>, which must agree.</summary>
    private static IPNetwork Subnet(EniItemReader items, IPAddress primary)
    {
        var hasCidr = items.TryGet<IPNetwork>(VSwitchCidrBlock, CidrParser.TryParseV4, out var cidr);
        var hasMask = items.TryGet<int>(Netmask, NetmaskParser.TryParse, out var maskLength);
        if (!hasCidr && !hasMask)
        {
            throw new EniItemException(VSwitchCidrBlock, null, "required item is missing (and so is netmask)");
        }

        if (hasCidr && hasMask && cidr.PrefixLength != maskLength)
        {
            throw items.Invalid(Netmask, $"/{maskLength} disagrees with vswitch-cidr-block {cidr}");
        }

        var subnet = hasCidr ? cidr : new IPNetwork(InterfaceAddress.Mask(primary, maskLength), maskLength);
        var source = hasCidr ? VSwitchCidrBlock : Netmask;
        if (subnet.PrefixLength is < MinSubnetPrefix or > MaxSubnetPrefix)
        {
            throw items.Invalid(source, $"a /{subnet.PrefixLength} vSwitch is implausible (expected /{MinSubnetPrefix} to /{MaxSubnetPrefix})");
        }

        if (!IsUnicastRange(subnet.BaseAddress))
        {
            throw items.Invalid(source, $"{subnet} is not a unicast range");
        }

        if (HostProblem(primary, subnet) is { } problem)
        {
            throw items.Invalid(PrimaryIpAddress, problem);
        }

        return subnet;
    }

    /// <summary>All private IPv4s incl. the primary (added when the list omits it), distinct and sorted.</summary>
    private static ValueList<IPAddress> AllPrivateIpv4s(EniItemReader items, IPAddress primary, IPNetwork subnet)
    {
        var listed = items.List<IPAddress>(PrivateIpv4s, allowBare: false, Ipv4Parser.TryParse);
        foreach (var ip in listed)
        {
            if (HostProblem(ip, subnet) is { } problem)
            {
                throw items.Invalid(PrivateIpv4s, problem);
            }
        }

        return listed.Append(primary).Distinct().Order(IpOrdering.Addresses).ToValueList();
    }

    /// <summary>Why an IPv4 cannot be a host of the subnet, or null.</summary>
    private static string? HostProblem(IPAddress ip, IPNetwork subnet)
    {
        if (!subnet.Contains(ip))
        {
            return $"{ip} is outside the vSwitch CIDR {subnet}";
        }

        var network = subnet.BaseAddress.GetAddressBytes();
        var broadcast = (byte[])network.Clone();
        for (var bit = subnet.PrefixLength; bit < 32; bit++)
        {
            broadcast[bit / 8] |= (byte)(0x80 >> (bit % 8));
        }

        var bytes = ip.GetAddressBytes();
        return bytes.AsSpan().SequenceEqual(network) ? $"{ip} is the network address of {subnet}"
            : bytes.AsSpan().SequenceEqual(broadcast) ? $"{ip} is the broadcast address of {subnet}"
            : null;
    }

    /// <summary>Excludes 0/8, loopback, link-local, multicast and reserved ranges.</summary>
    private static bool IsUnicastRange(IPAddress network)
    {
        var b = network.GetAddressBytes();
        return b[0] is not 0 and not 127 and < 224 && !(b[0] == 169 && b[1] == 254);
    }

    internal static bool Within(IPNetwork inner, IPNetwork outer) =>
        inner.PrefixLength >= outer.PrefixLength && outer.Contains(inner.BaseAddress);

    internal static ValueList<IPNetwork> SortedNetworks(IEnumerable<IPNetwork> networks) =>
        networks.Distinct().Order(IpOrdering.Networks).ToValueList();
}
