using System.Net;
using System.Net.NetworkInformation;
using System.Text.Json.Nodes;
using EniAgent.Core;

namespace EniAgent.TestKit.Emulator;

/// <summary>
/// Builds one scenario ENI with realistic items derived from typed inputs (gateway .253, netmask, vSwitch and VPC),
/// plus raw overrides for hostile values. <see cref="ToJson"/> is the body for <see cref="MetadataEmulatorProcess.AttachAsync(string)"/>.
/// </summary>
public sealed class EniBuilder
{
    private readonly List<IPAddress> _secondaryIps = [];
    private readonly List<IPAddress> _ipv6s = [];
    private readonly List<IPNetwork> _ipv4Prefixes = [];
    private readonly List<IPNetwork> _ipv6Prefixes = [];
    private readonly List<KeyValuePair<string, string?>> _overrides = [];
    private IPNetwork? _ipv6Subnet;
    private TimeSpan _visibleAfter;
    private TimeSpan _itemsLag;

    public EniBuilder(PhysicalAddress mac, IPAddress primaryIp, IPNetwork subnet)
    {
        ArgumentNullException.ThrowIfNull(mac);
        ArgumentNullException.ThrowIfNull(primaryIp);
        if (!subnet.Contains(primaryIp))
        {
            throw new ArgumentException($"{primaryIp} is not in {subnet}", nameof(primaryIp));
        }

        Mac = mac;
        PrimaryIp = primaryIp;
        Subnet = subnet;
        var hex = MacAddress.Format(mac).Replace(":", string.Empty, StringComparison.Ordinal);
        EniId = $"eni-emu{hex}";
        VSwitchId = $"vsw-emu{Convert.ToHexStringLower(subnet.BaseAddress.GetAddressBytes())}{subnet.PrefixLength}";
        VpcCidr = AddressMath.Enclosing(subnet, 16);
    }

    public PhysicalAddress Mac { get; }

    public IPAddress PrimaryIp { get; }

    public IPNetwork Subnet { get; }

    public string EniId { get; private set; }

    public string VSwitchId { get; private set; }

    public string VpcId { get; private set; } = ScenarioBuilder.DefaultVpcId;

    public IPNetwork VpcCidr { get; private set; }

    public EniBuilder WithEniId(string eniId)
    {
        EniId = eniId;
        return this;
    }

    public EniBuilder WithVSwitchId(string vswitchId)
    {
        VSwitchId = vswitchId;
        return this;
    }

    public EniBuilder WithVpc(string vpcId, IPNetwork cidr)
    {
        (VpcId, VpcCidr) = (vpcId, cidr);
        return this;
    }

    /// <summary>Adds secondary private IPv4s; <c>private-ipv4s</c> lists the primary first, then these.</summary>
    public EniBuilder WithSecondaryIps(params IPAddress[] ips)
    {
        _secondaryIps.AddRange(ips);
        return this;
    }

    /// <summary>IPv6 in the vSwitch's /64: <c>ipv6s</c> (bracketed, unquoted), gateway <c>...:ffff:ffff:ffff:fff7</c>, VPC /56.</summary>
    public EniBuilder WithIpv6(IPNetwork vswitchIpv6Cidr, params IPAddress[] addresses)
    {
        _ipv6Subnet = vswitchIpv6Cidr;
        _ipv6s.AddRange(addresses);
        return this;
    }

    /// <summary>Delegated IPv4 prefixes (/28); several are written comma-separated (real multi-entry shape UNCONFIRMED).</summary>
    public EniBuilder WithIpv4Prefixes(params IPNetwork[] prefixes)
    {
        _ipv4Prefixes.AddRange(prefixes);
        return this;
    }

    /// <summary>Delegated IPv6 prefixes (/80); several are written comma-separated (shape UNCONFIRMED).</summary>
    public EniBuilder WithIpv6Prefixes(params IPNetwork[] prefixes)
    {
        _ipv6Prefixes.AddRange(prefixes);
        return this;
    }

    /// <summary>The MAC appears in <c>macs/</c> only this long after the emulator loaded or attached it.</summary>
    public EniBuilder WithVisibleAfter(TimeSpan delay)
    {
        _visibleAfter = delay;
        return this;
    }

    /// <summary>The ENI's items answer 404 for this long after its MAC became visible.</summary>
    public EniBuilder WithItemsLag(TimeSpan delay)
    {
        _itemsLag = delay;
        return this;
    }

    /// <summary>Serves <paramref name="rawValue"/> verbatim as item <paramref name="name"/> (replacing a derived value).</summary>
    public EniBuilder WithItem(string name, string rawValue)
    {
        ArgumentNullException.ThrowIfNull(rawValue);
        _overrides.Add(new(name, rawValue));
        return this;
    }

    /// <summary>Leaves item <paramref name="name"/> out, so it answers 404.</summary>
    public EniBuilder WithoutItem(string name)
    {
        _overrides.Add(new(name, null));
        return this;
    }

    public string ToJson() => ScenarioJson.Write(ToNode());

    internal JsonObject ToNode() => new()
    {
        ["mac"] = MacAddress.Format(Mac),
        ["items"] = ScenarioJson.Object(Items()),
        ["visible-after-ms"] = (long)_visibleAfter.TotalMilliseconds,
        ["items-lag-ms"] = (long)_itemsLag.TotalMilliseconds,
    };

    private List<KeyValuePair<string, string>> Items()
    {
        var items = new List<KeyValuePair<string, string>>
        {
            new("network-interface-id", EniId),
            new("primary-ip-address", PrimaryIp.ToString()),
            new("private-ipv4s", "[" + string.Join(",", new[] { PrimaryIp }.Concat(_secondaryIps).Select(ip => $"\"{ip}\"")) + "]"),
            new("netmask", AddressMath.Netmask(Subnet).ToString()),
            new("gateway", AddressMath.FromEnd(Subnet, 2).ToString()),
            new("vswitch-cidr-block", Subnet.ToString()),
            new("vswitch-id", VSwitchId),
            new("vpc-id", VpcId),
            new("vpc-cidr-block", VpcCidr.ToString()),
        };
        if (_ipv6Subnet is { } v6)
        {
            items.Add(new("ipv6s", "[" + string.Join(",", _ipv6s) + "]"));
            items.Add(new("ipv6-gateway", AddressMath.FromEnd(v6, 8).ToString()));
            items.Add(new("vswitch-ipv6-cidr-block", v6.ToString()));
            items.Add(new("vpc-ipv6-cidr-blocks", $"[{AddressMath.Enclosing(v6, 56)}]"));
        }

        if (_ipv4Prefixes.Count > 0)
        {
            items.Add(new("ipv4-prefixes", string.Join(",", _ipv4Prefixes)));
        }

        if (_ipv6Prefixes.Count > 0)
        {
            items.Add(new("ipv6-prefixes", string.Join(",", _ipv6Prefixes)));
        }

        return ItemOverrides.Apply(items, _overrides);
    }
}
