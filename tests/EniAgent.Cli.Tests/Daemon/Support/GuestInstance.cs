using System.Text.Json;
using EniAgent.Core;
using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Daemon.Support;

/// <summary>
/// An "instance" namespace (where the daemon runs) and a "cloud" namespace that holds the other end of every ENI.
/// The primary ENI eth0 (MAC <c>Mac(1)</c>, 192.168.1.10/24) is configured as the image would. A secondary ENI is a
/// veth created in the cloud with the MAC metadata gives it and moved into the instance: a hot-plug, as the kernel
/// reports it on ECS.
/// </summary>
internal sealed class GuestInstance : IDisposable
{
    private GuestInstance(NetworkNamespace guest, NetworkNamespace cloud) => (Guest, Cloud) = (guest, cloud);

    public NetworkNamespace Guest { get; }

    public NetworkNamespace Cloud { get; }

    public static GuestInstance Create()
    {
        var guest = NetworkNamespace.Create("eniad-g");
        NetworkNamespace? cloud = null;
        try
        {
            cloud = NetworkNamespace.Create("eniad-c");
            var instance = new GuestInstance(guest, cloud);
            instance.CreateLink(1);
            instance.MoveIn(LinkName(1));
            guest.Ip("link", "set", "eth0", "up");
            guest.Ip("address", "add", "192.168.1.10/24", "dev", "eth0");
            guest.Ip("route", "add", "default", "via", "192.168.1.253", "dev", "eth0");
            return instance;
        }
        catch
        {
            cloud?.Dispose();
            guest.Dispose();
            throw;
        }
    }

    /// <summary><c>eth0</c> for ENI 1 (the primary), <c>eth1</c> for ENI 2, ...: the names ECS images use.</summary>
    public static string LinkName(int eni) => $"eth{eni - 1}";

    public static string Mac(int eni) => MacAddress.Format(ScenarioBuilder.Mac(eni));

    /// <summary>Creates ENI <paramref name="eni"/>'s link in the cloud (peer up there), not yet attached to the instance.</summary>
    public string CreateLink(int eni)
    {
        var name = LinkName(eni);
        Cloud.Ip("link", "add", name, "address", Mac(eni), "type", "veth", "peer", "name", $"p{eni}");
        Cloud.Ip("link", "set", $"p{eni}", "up");
        return name;
    }

    /// <summary>Moves links from the cloud into the instance, all in one <c>ip -batch</c> (they arrive together).</summary>
    public void MoveIn(params IReadOnlyList<string> names)
    {
        var batch = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(batch, names.Select(n => $"link set {n} netns {Guest.Name}"));
            Cloud.Ip("-batch", batch);
        }
        finally
        {
            File.Delete(batch);
        }
    }

    public void MoveOut(string name) => Guest.Ip("link", "set", name, "netns", Cloud.Name);

    /// <summary>IPv4 rules of the instance.</summary>
    public IReadOnlyList<RuleRow> Rules() =>
        [.. Guest.IpJson("-4", "rule", "show").EnumerateArray().Select(r => new RuleRow(
            r.GetProperty("priority").GetInt32(),
            r.GetProperty("src").GetString()!,
            r.GetProperty("table").GetString()!,
            r.TryGetProperty("protocol", out var p) ? p.GetString() : null))];

    /// <summary>The agent's rules whose source is <paramref name="ip"/>.</summary>
    public IReadOnlyList<RuleRow> RulesFrom(string ip) => [.. Rules().Where(r => r.Source == ip && r.IsAgents)];

    /// <summary>Destinations of the IPv4 routes in <paramref name="table"/>.</summary>
    public IReadOnlyList<string> Routes(string table) =>
        [.. Guest.IpJson("-4", "route", "show", "table", table).EnumerateArray().Select(r => r.GetProperty("dst").GetString()!)];

    /// <summary>The IPv4 addresses of <paramref name="link"/> (without prefix length); empty when the link is not here.</summary>
    public IReadOnlyList<string> Addresses(string link)
    {
        var links = Guest.IpJson("-4", "address", "show");
        return [.. links.EnumerateArray()
            .Where(l => l.GetProperty("ifname").GetString() == link)
            .SelectMany(l => l.GetProperty("addr_info").EnumerateArray())
            .Select(a => a.GetProperty("local").GetString()!)];
    }

    public string Describe() =>
        $"ip rule:\n{Guest.Ip("rule", "show")}\nip address:\n{Guest.Ip("-4", "-br", "address", "show")}";

    public void Dispose()
    {
        Guest.Dispose();
        Cloud.Dispose();
    }
}
