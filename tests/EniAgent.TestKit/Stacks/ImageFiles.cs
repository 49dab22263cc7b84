using System.Net.NetworkInformation;
using EniAgent.Core;

namespace EniAgent.TestKit.Stacks;

/// <summary>
/// What a stock image already has for the network stacks, written below a <see cref="StackRoot"/>: the primary (eth0,
/// 10.0.0.10/24 via 10.0.0.253) configured statically, and a catch-all that runs DHCP on every other NIC, the kind
/// of file our own configuration has to win against (field notes §3).
/// </summary>
public static class ImageFiles
{
    private const UnixFileMode Mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Mode0644 = Mode0600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public const string NetworkManagerCatchAll = "/etc/NetworkManager/system-connections/catch-all-dhcp.nmconnection";

    public const string NetworkdCatchAll = "/etc/systemd/network/99-image-catch-all.network";

    public const string NetplanCatchAll = "/run/systemd/network/10-netplan-all-eth.network";

    /// <summary>NetworkManager keyfiles; the catch-all may run on several devices at once, like "Wired connection N".</summary>
    public static void WriteNetworkManager(StackRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Write("/etc/NetworkManager/system-connections/image-primary.nmconnection", """
            [connection]
            id=image-primary
            type=ethernet
            interface-name=eth0
            autoconnect-priority=50

            [ipv4]
            method=manual
            address1=10.0.0.10/24,10.0.0.253

            [ipv6]
            method=ignore

            """, Mode0600);
        root.Write(NetworkManagerCatchAll, """
            [connection]
            id=catch-all-dhcp
            type=ethernet
            autoconnect=true
            multi-connect=3

            [ipv4]
            method=auto

            [ipv6]
            method=ignore

            """, Mode0600);
    }

    public static void WriteNetworkd(StackRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Write("/etc/systemd/network/05-image-primary.network", """
            [Match]
            Name=eth0

            [Network]
            Address=10.0.0.10/24
            Gateway=10.0.0.253
            LinkLocalAddressing=no
            IPv6AcceptRA=no

            """, Mode0644);
        root.Write(NetworkdCatchAll, """
            [Match]
            Name=eth*

            [Network]
            DHCP=ipv4

            """, Mode0644);
    }

    /// <summary>cloud-init style netplan YAML (not generated here: the caller runs <c>netplan generate</c> when it needs to).</summary>
    public static void WriteNetplan(StackRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Write("/etc/netplan/50-cloud-init.yaml", """
            network:
              version: 2
              ethernets:
                00-primary:
                  match:
                    name: eth0
                  addresses: [10.0.0.10/24]
                  routes:
                    - to: default
                      via: 10.0.0.253
                  link-local: []
                all-eth:
                  match:
                    name: "eth*"
                  dhcp4: true

            """, Mode0600);
    }

    /// <summary>What the netplan systemd generator does at boot: <c>netplan generate</c> over the root's YAML.</summary>
    public static void GenerateNetplan(StackRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Netns.HostCommand.Run(RequiredTool.Netplan, "generate", "--root-dir", root.Path);
    }

    /// <summary><see cref="WriteVethMatch"/> for the file netplan generates for each secondary ENI's definition (<c>00-eniagent-IF</c>).</summary>
    public static void WriteVethMatches(StackRoot root, StackScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        foreach (var (name, eni) in scenario.Enis.Skip(1))
        {
            WriteVethMatch(root, $"/run/systemd/network/10-netplan-00-eniagent-{name}.network", eni.Mac);
        }
    }

    /// <summary>
    /// The one emulation gap of the netplan tests: netplan matches <c>macaddress</c> with <c>PermanentMACAddress=</c>,
    /// and a veth has no permanent address (ENI NICs do). This test-only drop-in, next to the file netplan generates
    /// for the definition, re-points the match at the current MAC; the generated file itself stays as netplan wrote it.
    /// </summary>
    public static void WriteVethMatch(StackRoot root, string generatedNetworkFile, PhysicalAddress mac)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Write($"{generatedNetworkFile}.d/00-test-veth-has-no-permanent-mac.conf", $"[Match]\nPermanentMACAddress=\nMACAddress={MacAddress.Format(mac)}\n", Mode0644);
    }
}
