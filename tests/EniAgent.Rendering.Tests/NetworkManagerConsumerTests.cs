using System.Diagnostics;
using EniAgent.Core.Configuration;
using EniAgent.Rendering.Text;

namespace EniAgent.Rendering.Tests;

/// <summary>
/// NetworkManager's own keyfile parser (<c>nmcli --offline</c>, NM 1.40+, no daemon, reads stdin, prints the
/// normalized profile) accepts every rendered profile and keeps all addresses, routes and rules.
/// </summary>
public sealed class NetworkManagerConsumerTests
{
    public static TheoryData<string> ScenarioNames() => [.. Scenarios.Names];

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Nmcli_offline_accepts_every_profile_unchanged_in_substance(string scenario)
    {
        var nmcli = Tool.Require("nmcli", "network-manager");
        var request = Scenarios.Request(scenario);
        var result = RendererCatalog.For(RendererKind.NetworkManager).Render(request);
        foreach (var eni in request.Secondaries)
        {
            var file = result.Files.Single(f => f.OwnerEniId == eni.EniId);
            var normalized = NmcliOffline(nmcli, file.Content);
            Assert.Contains($"uuid={file.Content.Split('\n').Single(l => l.StartsWith("uuid=", StringComparison.Ordinal))[5..]}", normalized, StringComparison.Ordinal);
            Assert.Contains($"route-table={eni.Table}", normalized, StringComparison.Ordinal);
            foreach (var line in file.Content.Split('\n').Where(l => l.StartsWith("address", StringComparison.Ordinal) || l.StartsWith("route", StringComparison.Ordinal)))
            {
                Assert.Contains(line + "\n", normalized, StringComparison.Ordinal);
            }

            // nmcli reorders rule attributes and drops '/32', so compare counts and a canonical piece of each rule.
            var rules = file.Content.Split('\n').Count(l => l.StartsWith("routing-rule", StringComparison.Ordinal));
            Assert.Equal(rules, normalized.Split('\n').Count(l => l.StartsWith("routing-rule", StringComparison.Ordinal)));
            foreach (var rule in eni.Rules.Where(r => r.SuppressPrefixLength is not null))
            {
                var from = rule.From!.Value;
                var host = from.PrefixLength == from.BaseAddress.GetAddressBytes().Length * 8;
                Assert.Contains($"priority {rule.Priority} from {(host ? from.BaseAddress.ToString() : IpText.Prefix(from))} suppress_prefixlength 0 table {rule.Table}", normalized, StringComparison.Ordinal);
            }

            Assert.Contains(request.Addressing == AddressingMode.Dhcp ? "method=auto" : "method=manual", normalized, StringComparison.Ordinal);
        }
    }

    private static string NmcliOffline(string nmcli, string keyfile)
    {
        var info = new ProcessStartInfo(nmcli) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--offline", "connection", "modify", "connection.autoconnect", "yes" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Write(keyfile);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "nmcli --offline hung");
        Assert.True(process.ExitCode == 0, $"nmcli --offline refused the profile: {stderr.Result}\n{keyfile}");
        return stdout.Result;
    }
}
