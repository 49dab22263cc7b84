using System.Net;
using System.Net.NetworkInformation;
using System.Text.Json.Nodes;
using EniAgent.Core;

namespace EniAgent.TestKit.Emulator;

/// <summary>
/// Builds scenario JSON for the metadata emulator from typed values: an instance, a primary ENI and secondaries with
/// realistic derived items, token mode, faults and raw overrides for hostile values.
/// <code>
/// var json = ScenarioBuilder.Typical(secondaries: 2).WithTokenMode(ScenarioTokenMode.Required).Build();
/// </code>
/// </summary>
public sealed class ScenarioBuilder
{
    public const string DefaultVpcId = "vpc-emulator0000000001";

    private readonly List<EniBuilder> _enis = [];
    private readonly List<KeyValuePair<string, string?>> _instanceOverrides = [];
    private EniBuilder? _primary;
    private string _instanceId = "i-emulator000000000001";
    private string _regionId = "cn-hangzhou";
    private string _zoneId = "cn-hangzhou-k";
    private string _instanceType = "ecs.g7.large";
    private ScenarioTokenMode _tokenMode = ScenarioTokenMode.Optional;
    private bool _serveAll = true;
    private FaultsBuilder? _faults;

    /// <summary>MAC <c>00:16:3e:00:00:NN</c> (NN in hex), the OUI Alibaba Cloud uses.</summary>
    public static PhysicalAddress Mac(int index) => new([0x00, 0x16, 0x3e, 0x00, (byte)(index >> 8), (byte)index]);

    /// <summary>
    /// A primary ENI (MAC <c>Mac(1)</c>, 192.168.1.10 in 192.168.1.0/24) and <paramref name="secondaries"/> secondary
    /// ENIs (MAC <c>Mac(2+i)</c>, 192.168.(2+i).10 in 192.168.(2+i).0/24), all in VPC 192.168.0.0/16.
    /// </summary>
    public static ScenarioBuilder Typical(int secondaries = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(secondaries);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(secondaries, 200);
        var builder = new ScenarioBuilder().WithPrimary(Mac(1), IPAddress.Parse("192.168.1.10"), IPNetwork.Parse("192.168.1.0/24"));
        for (var i = 0; i < secondaries; i++)
        {
            builder.AddSecondary(Mac(2 + i), IPAddress.Parse($"192.168.{2 + i}.10"), IPNetwork.Parse($"192.168.{2 + i}.0/24"));
        }

        return builder;
    }

    /// <summary>The primary ENI, whose MAC and IP become the instance's <c>mac</c> and <c>private-ipv4</c>.</summary>
    public EniBuilder? Primary => _primary;

    /// <summary>All ENIs, primary first (scenario order; listings follow it).</summary>
    public IReadOnlyList<EniBuilder> Enis => _enis;

    public ScenarioBuilder WithPrimary(PhysicalAddress mac, IPAddress ip, IPNetwork subnet, Action<EniBuilder>? configure = null)
    {
        var eni = new EniBuilder(mac, ip, subnet);
        configure?.Invoke(eni);
        if (_primary is not null)
        {
            _enis.Remove(_primary);
        }

        _primary = eni;
        _enis.Insert(0, eni);
        return this;
    }

    public ScenarioBuilder AddSecondary(PhysicalAddress mac, IPAddress ip, IPNetwork subnet, Action<EniBuilder>? configure = null)
    {
        var eni = new EniBuilder(mac, ip, subnet);
        configure?.Invoke(eni);
        _enis.Add(eni);
        return this;
    }

    /// <summary>Changes an ENI already added (found by MAC), e.g. to give the primary of <see cref="Typical"/> IPv6.</summary>
    public ScenarioBuilder ConfigureEni(PhysicalAddress mac, Action<EniBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(_enis.Find(e => e.Mac.Equals(mac)) ?? throw new ArgumentException($"no ENI {MacAddress.Format(mac)} in the scenario", nameof(mac)));
        return this;
    }

    public ScenarioBuilder WithInstance(string instanceId, string regionId, string zoneId, string instanceType)
    {
        (_instanceId, _regionId, _zoneId, _instanceType) = (instanceId, regionId, zoneId, instanceType);
        return this;
    }

    /// <summary>Serves <paramref name="rawValue"/> verbatim at <c>meta-data/NAME</c> (NAME may nest with '/').</summary>
    public ScenarioBuilder WithInstanceItem(string name, string rawValue)
    {
        ArgumentNullException.ThrowIfNull(rawValue);
        _instanceOverrides.Add(new(name, rawValue));
        return this;
    }

    /// <summary>Leaves the instance item out (404).</summary>
    public ScenarioBuilder WithoutInstanceItem(string name)
    {
        _instanceOverrides.Add(new(name, null));
        return this;
    }

    public ScenarioBuilder WithTokenMode(ScenarioTokenMode mode)
    {
        _tokenMode = mode;
        return this;
    }

    /// <summary>False makes <c>GET /latest/meta-data/all</c> answer 404.</summary>
    public ScenarioBuilder WithServeAll(bool serveAll)
    {
        _serveAll = serveAll;
        return this;
    }

    public ScenarioBuilder WithFaults(Action<FaultsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _faults ??= new FaultsBuilder();
        configure(_faults);
        return this;
    }

    public string Build()
    {
        var scenario = new JsonObject
        {
            ["instance"] = ScenarioJson.Object(InstanceItems()),
            ["token-mode"] = _tokenMode == ScenarioTokenMode.Required ? "required" : "optional",
            ["serve-all"] = _serveAll,
            ["enis"] = new JsonArray([.. _enis.Select(e => (JsonNode)e.ToNode())]),
        };
        if (_faults is not null)
        {
            scenario["faults"] = _faults.ToNode();
        }

        return ScenarioJson.Write(scenario);
    }

    public override string ToString() => Build();

    private List<KeyValuePair<string, string>> InstanceItems()
    {
        var items = new List<KeyValuePair<string, string>>
        {
            new("instance-id", _instanceId),
            new("region-id", _regionId),
            new("zone-id", _zoneId),
            new("instance-type", _instanceType),
            new("network-type", "vpc"),
        };
        if (_primary is { } primary)
        {
            items.Add(new("mac", MacAddress.Format(primary.Mac)));
            items.Add(new("private-ipv4", primary.PrimaryIp.ToString()));
            items.Add(new("vpc-id", primary.VpcId));
            items.Add(new("vswitch-id", primary.VSwitchId));
            items.Add(new("vpc-cidr-block", primary.VpcCidr.ToString()));
            items.Add(new("vswitch-cidr-block", primary.Subnet.ToString()));
        }

        return ItemOverrides.Apply(items, _instanceOverrides);
    }
}
