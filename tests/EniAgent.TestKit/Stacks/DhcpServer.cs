using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using EniAgent.Core;
using EniAgent.TestKit.Netns;

namespace EniAgent.TestKit.Stacks;

/// <summary>
/// The VPC's DHCP server for one vSwitch: dnsmasq (DHCP only, no DNS) on the vSwitch's bridge, handing each ENI its
/// primary private IP by MAC and the vSwitch gateway as router, as ECS does. It runs in its own mount namespace with
/// tmpfs over the paths it writes (lease and pid files). Killed on dispose.
/// </summary>
public static class DhcpServer
{
    private const string Script = """
        set -eu
        mount --make-rprivate /
        mount -t tmpfs -o mode=0755 tmpfs /run
        mount -t tmpfs -o mode=0755 tmpfs /var/lib/misc
        exec "$1" --no-daemon --conf-file=/dev/null --port=0 --no-resolv --no-hosts --user=root --bind-interfaces \
          --interface="$2" --dhcp-range="$3,static,$4,1h" --dhcp-host="$5,$6" --dhcp-option="option:router,$7" \
          --dhcp-authoritative --log-dhcp
        """;

    public static async Task<StackDaemon> StartAsync(NetworkNamespace ns, string bridge, IPNetwork subnet, IPAddress gateway, PhysicalAddress mac, IPAddress ip)
    {
        ArgumentNullException.ThrowIfNull(ns);
        var binary = RequiredTool.Require("dnsmasq-base", "/usr/sbin/dnsmasq");
        var mask = IPNetworkMask(subnet.PrefixLength);
        var daemon = StackDaemon.Start("dnsmasq", ns, Script, [binary, bridge, subnet.BaseAddress.ToString(), mask, MacAddress.Format(mac), ip.ToString(), gateway.ToString()], new Dictionary<string, string>());
        try
        {
            await Eventually.HoldsAsync(
                () => Task.FromResult(daemon.HasExited ? throw new InvalidOperationException($"dnsmasq exited:\n{daemon.Output}") : daemon.Output.Contains("DHCP, static leases only", StringComparison.Ordinal)),
                () => Task.FromResult($"dnsmasq never started serving:\n{daemon.Output}"));
            return daemon;
        }
        catch
        {
            daemon.Dispose();
            throw;
        }
    }

    private static string IPNetworkMask(int prefixLength)
    {
        var bits = prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);
        return string.Join('.', new[] { 24, 16, 8, 0 }.Select(s => ((bits >> s) & 0xff).ToString(CultureInfo.InvariantCulture)));
    }
}
