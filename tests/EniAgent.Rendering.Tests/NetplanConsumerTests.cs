using System.Net.Sockets;
using EniAgent.Core.Configuration;
using EniAgent.Rendering.Renderers;
using EniAgent.Rendering.Text;

namespace EniAgent.Rendering.Tests;

/// <summary>Runs the real <c>netplan generate --root-dir</c> on rendered YAML next to cloud-init-like catch-alls.</summary>
public sealed class NetplanConsumerTests
{
    /// <summary>What cloud-init writes on Alibaba (the primary by MAC) plus a Debian-style catch-all for every eth*.</summary>
    private const string CloudInit = """
        network:
          version: 2
          ethernets:
            eth0:
              match:
                macaddress: "00:16:3e:00:00:10"
              set-name: eth0
              dhcp4: true
            all-eth:
              match:
                name: "eth*"
              dhcp4: true
              dhcp6: true
        """;

    public static TheoryData<string> ScenarioNames() => [.. Scenarios.Names];

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Generated_network_file_carries_the_spec_and_wins_over_catch_alls(string scenario)
    {
        var netplan = Tool.Require("netplan", "netplan.io");
        var request = Scenarios.Request(scenario);
        var result = RendererCatalog.For(RendererKind.Netplan).Render(request);
        using var root = new TempDir();
        Directory.CreateDirectory(root.Combine("/etc/netplan"));
        var cloudInit = root.Combine("/etc/netplan/50-cloud-init.yaml");
        File.WriteAllText(cloudInit, CloudInit + "\n");
        File.SetUnixFileMode(cloudInit, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        foreach (var file in result.Files)
        {
            root.Place(file);
        }

        var run = Tool.Run(netplan, "generate", "--root-dir", root.Path);
        Assert.True(run.ExitCode == 0, run.ToString());
        var generatedDir = root.Combine("/run/systemd/network");
        var networkFiles = Directory.GetFiles(generatedDir, "*.network").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        foreach (var eni in request.Secondaries)
        {
            var name = request.InterfaceNameOf(eni)!;
            var generatedName = $"10-netplan-{NetplanRenderer.DefinitionId(name)}.network";
            Assert.Contains(generatedName, networkFiles);

            // networkd applies the first matching file: ours must sort before the catch-all's.
            Assert.True(string.CompareOrdinal(generatedName, "10-netplan-all-eth.network") < 0, generatedName);
            var generated = File.ReadAllText(Path.Combine(generatedDir, generatedName));
            Assert.Contains($"PermanentMACAddress={Core.MacAddress.Format(eni.Mac)}", generated, StringComparison.Ordinal);

            var dhcp = request.Addressing == AddressingMode.Dhcp;
            foreach (var address in eni.Addresses.Where(a => !(dhcp && a.Address.Address.Equals(eni.Metadata.PrimaryIp))))
            {
                Assert.Contains($"Address={IpText.Prefix(address.Address)}\n", generated, StringComparison.Ordinal);
            }

            Assert.Equal(eni.Routes.Count, Count(generated, "[Route]"));
            foreach (var route in eni.Routes)
            {
                Assert.Contains($"Destination={IpText.Prefix(route.Destination)}\n", generated, StringComparison.Ordinal);
            }

            var plain = eni.Rules.Where(r => r.SuppressPrefixLength is null).ToList();
            Assert.Equal(eni.Routes.Count + plain.Count, Count(generated, $"Table={eni.Table}\n"));
            Assert.Equal(plain.Count, Count(generated, "[RoutingPolicyRule]"));
            foreach (var rule in plain)
            {
                Assert.Contains($"From={IpText.Prefix(rule.From!.Value)}\nTable={rule.Table}\nPriority={rule.Priority}", generated, StringComparison.Ordinal);
            }

            // The drop-in completes exactly the generated file (networkd reads <file>.d/ in /etc for /run files).
            var dropIn = result.Files.Single(f => f.Path == NetplanRenderer.DropInPathOf(name));
            Assert.Equal($"{generatedName}.d", Path.GetFileName(Path.GetDirectoryName(dropIn.Path)));
            var suppressed = eni.Rules.Where(r => r.SuppressPrefixLength is not null).ToList();
            var shared = request.SharedRules.Where(r => eni.Rules.Any(o => o.Family == r.Family)).ToList();
            Assert.Equal(suppressed.Count + shared.Count, Count(dropIn.Content, "[RoutingPolicyRule]"));
            Assert.Equal(Count(generated, "\nAddress="), Count(dropIn.Content, "AddPrefixRoute=no"));
            Assert.Equal(
                eni.Addresses.Count(a => a.Address.Family == AddressFamily.InterNetworkV6),
                Count(dropIn.Content, "DuplicateAddressDetection=none"));
        }
    }

    private static int Count(string text, string needle)
    {
        var count = 0;
        for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
