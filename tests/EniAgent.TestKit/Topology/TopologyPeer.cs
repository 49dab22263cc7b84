using System.Net;
using EniAgent.TestKit.Netns;

namespace EniAgent.TestKit.Topology;

/// <summary>Another machine inside a vSwitch (its own namespace behind the vSwitch bridge), e.g. 192.168.2.50.</summary>
public sealed class TopologyPeer
{
    private NetworkNamespace? _namespace;

    internal TopologyPeer(int number, VSwitch vswitch, IPAddress ipv4, IPAddress? ipv6)
    {
        ArgumentNullException.ThrowIfNull(vswitch);
        ArgumentNullException.ThrowIfNull(ipv4);
        if (!vswitch.Ipv4Cidr.Contains(ipv4))
        {
            throw new ArgumentException($"{ipv4} is not in vSwitch {vswitch.Ipv4Cidr}", nameof(ipv4));
        }

        if (ipv6 is not null && (vswitch.Ipv6Cidr is not { } v6 || !v6.Contains(ipv6)))
        {
            throw new ArgumentException($"{ipv6} is not in the IPv6 CIDR of vSwitch {vswitch.Number}", nameof(ipv6));
        }

        Number = number;
        VSwitch = vswitch;
        Ipv4 = ipv4;
        Ipv6 = ipv6;
    }

    public int Number { get; }

    public VSwitch VSwitch { get; }

    public IPAddress Ipv4 { get; }

    public IPAddress? Ipv6 { get; }

    /// <summary>Its namespace, once the topology is built.</summary>
    public NetworkNamespace Namespace => _namespace ?? throw new InvalidOperationException("the topology is not built yet");

    /// <summary>Its port on the vSwitch bridge in the router namespace.</summary>
    public string RouterPortName => $"p-{Number}";

    public override string ToString() => $"peer {Ipv4} in vSwitch {VSwitch.Number}";

    internal void Attach(NetworkNamespace ns) => _namespace = ns;
}
