using System.Globalization;
using System.Net;
using EniAgent.Core;
using EniAgent.TestKit.Netns;

namespace EniAgent.TestKit.Topology;

/// <summary>The <c>ip</c> and <c>sysctl</c> commands that wire an <see cref="EcsTopology"/>; every one runs inside a namespace the topology owns.</summary>
internal static class TopologyWiring
{
    public static readonly IPNetwork InternetV4 = IPNetwork.Parse("203.0.113.0/24");
    public static readonly IPNetwork InternetV6 = IPNetwork.Parse("2001:db8:203::/64");
    public static readonly IPNetwork DockerV4 = IPNetwork.Parse("172.17.0.0/16");

    /// <summary>The VPC router: forwarding on, strict reverse-path filtering everywhere (the VPC source check stand-in).</summary>
    public static void Router(NetworkNamespace vpc, IEnumerable<VSwitch> vswitches)
    {
        Sysctl.Set(
            vpc,
            ("net.ipv4.ip_forward", "1"),
            ("net.ipv4.conf.all.rp_filter", "1"),
            ("net.ipv4.conf.default.rp_filter", "1"),
            ("net.ipv6.conf.all.forwarding", "1"),
            ("net.ipv6.conf.all.accept_dad", "0"),
            ("net.ipv6.conf.default.accept_dad", "0"));
        foreach (var vswitch in vswitches)
        {
            var bridge = vswitch.BridgeName;
            vpc.Ip("link", "add", bridge, "type", "bridge", "mcast_snooping", "0");
            vpc.Ip("address", "add", $"{vswitch.Gateway}/{vswitch.Ipv4Cidr.PrefixLength}", "dev", bridge);
            if (vswitch.Ipv6Cidr is { } v6)
            {
                vpc.Ip("address", "add", $"{vswitch.Ipv6Gateway}/{v6.PrefixLength}", "dev", bridge, "nodad");
            }

            vpc.Ip("link", "set", bridge, "up");
            Sysctl.Set(vpc, ($"net.ipv4.conf.{bridge}.rp_filter", "1"));
        }
    }

    /// <summary>The instance before any agent runs: strict rp_filter, IPv6 on without DAD or router solicitations.</summary>
    public static void Guest(NetworkNamespace guest)
    {
        Sysctl.Set(
            guest,
            ("net.ipv4.conf.all.rp_filter", "1"),
            ("net.ipv4.conf.default.rp_filter", "1"),
            ("net.ipv6.conf.all.disable_ipv6", "0"),
            ("net.ipv6.conf.default.disable_ipv6", "0"),
            ("net.ipv6.conf.all.accept_dad", "0"),
            ("net.ipv6.conf.default.accept_dad", "0"),
            ("net.ipv6.conf.all.router_solicitations", "0"),
            ("net.ipv6.conf.default.router_solicitations", "0"));
    }

    /// <summary>Creates the ENI's link in the guest (its MAC, down, no address) wired to its vSwitch bridge.</summary>
    public static void PlugEni(NetworkNamespace guest, NetworkNamespace vpc, TopologyEni eni)
    {
        guest.Ip("link", "add", eni.Name, "address", MacAddress.Format(eni.Mac), "type", "veth", "peer", "name", eni.RouterPortName, "netns", vpc.Name);
        Sysctl.Set(guest, ($"net.ipv4.conf.{eni.Name}.rp_filter", "1"));
        vpc.Ip("link", "set", eni.RouterPortName, "master", eni.VSwitch.BridgeName, "up");
    }

    /// <summary>The primary as the image configures it: up, its address, the only default route.</summary>
    public static void Primary(NetworkNamespace guest, TopologyEni primary)
    {
        var vswitch = primary.VSwitch;
        guest.Ip("link", "set", primary.Name, "up");
        foreach (var ip in primary.Ipv4s.Take(1))
        {
            guest.Ip("address", "add", $"{ip}/{vswitch.Ipv4Cidr.PrefixLength}", "dev", primary.Name);
        }

        guest.Ip("route", "add", "default", "via", vswitch.Gateway.ToString(), "dev", primary.Name);
        if (vswitch.Ipv6Cidr is { } v6 && primary.Ipv6s.Count > 0)
        {
            guest.Ip("address", "add", $"{primary.Ipv6s[0]}/{v6.PrefixLength}", "dev", primary.Name, "nodad");
            guest.Ip("-6", "route", "add", "default", "via", vswitch.Ipv6Gateway!.ToString(), "dev", primary.Name);
        }
    }

    /// <summary>A client on the internet behind the router: 203.0.113.10 and 2001:db8:203::10.</summary>
    public static void Internet(NetworkNamespace internet, NetworkNamespace vpc, IPAddress client, IPAddress clientV6)
    {
        internet.Ip("link", "add", "eth0", "type", "veth", "peer", "name", "inet", "netns", vpc.Name);
        Sysctl.Set(vpc, ("net.ipv4.conf.inet.rp_filter", "1"));
        vpc.Ip("address", "add", $"{Host(InternetV4, 1)}/{InternetV4.PrefixLength}", "dev", "inet");
        vpc.Ip("address", "add", $"{Host(InternetV6, 1)}/{InternetV6.PrefixLength}", "dev", "inet", "nodad");
        vpc.Ip("link", "set", "inet", "up");
        Endpoint(internet, "eth0", client, InternetV4, Host(InternetV4, 1), clientV6, InternetV6, Host(InternetV6, 1));
    }

    /// <summary>A machine in a vSwitch, reached through the vSwitch bridge.</summary>
    public static void Peer(NetworkNamespace peerNs, NetworkNamespace vpc, TopologyPeer peer)
    {
        peerNs.Ip("link", "add", "eth0", "type", "veth", "peer", "name", peer.RouterPortName, "netns", vpc.Name);
        vpc.Ip("link", "set", peer.RouterPortName, "master", peer.VSwitch.BridgeName, "up");
        var vswitch = peer.VSwitch;
        Endpoint(peerNs, "eth0", peer.Ipv4, vswitch.Ipv4Cidr, vswitch.Gateway, peer.Ipv6, vswitch.Ipv6Cidr, vswitch.Ipv6Gateway);
    }

    /// <summary>A Docker-style bridge in the guest (172.17.0.1/16) with one container (172.17.0.2) behind it.</summary>
    public static void Docker(NetworkNamespace guest, NetworkNamespace container, IPAddress bridgeAddress, IPAddress containerAddress)
    {
        guest.Ip("link", "add", "docker0", "type", "bridge");
        guest.Ip("address", "add", $"{bridgeAddress}/{DockerV4.PrefixLength}", "dev", "docker0");
        guest.Ip("link", "set", "docker0", "up");
        guest.Ip("link", "add", "vethc0", "type", "veth", "peer", "name", "eth0", "netns", container.Name);
        guest.Ip("link", "set", "vethc0", "master", "docker0", "up");
        Sysctl.Set(guest, ("net.ipv4.conf.docker0.rp_filter", "1"), ("net.ipv4.conf.vethc0.rp_filter", "1"));
        Endpoint(container, "eth0", containerAddress, DockerV4, bridgeAddress, null, null, null);
    }

    public static IPAddress Host(IPNetwork network, int host) => Emulator.AddressMath.Offset(network.BaseAddress, host);

    private static void Endpoint(NetworkNamespace ns, string link, IPAddress v4, IPNetwork v4Net, IPAddress v4Gateway, IPAddress? v6, IPNetwork? v6Net, IPAddress? v6Gateway)
    {
        Sysctl.Set(
            ns,
            ("net.ipv6.conf.all.accept_dad", "0"),
            ("net.ipv6.conf.default.accept_dad", "0"),
            ($"net.ipv6.conf.{link}.accept_dad", "0"));
        ns.Ip("address", "add", $"{v4}/{v4Net.PrefixLength.ToString(CultureInfo.InvariantCulture)}", "dev", link);
        if (v6 is not null && v6Net is { } net6)
        {
            ns.Ip("address", "add", $"{v6}/{net6.PrefixLength}", "dev", link, "nodad");
        }

        ns.Ip("link", "set", link, "up");
        ns.Ip("route", "add", "default", "via", v4Gateway.ToString(), "dev", link);
        if (v6 is not null && v6Gateway is not null)
        {
            ns.Ip("-6", "route", "add", "default", "via", v6Gateway.ToString(), "dev", link);
        }
    }
}
