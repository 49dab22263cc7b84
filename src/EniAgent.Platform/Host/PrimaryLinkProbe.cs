using System.Globalization;
using System.Text.RegularExpressions;
using EniAgent.Core.Host;

namespace EniAgent.Platform.Host;

/// <summary>Reads the network stacks' runtime state and configuration about the primary interface.</summary>
internal static partial class PrimaryLinkProbe
{
    private static readonly string[] KeyfileDirs =
        ["/etc/NetworkManager/system-connections", "/usr/lib/NetworkManager/system-connections", "/run/NetworkManager/system-connections"];

    public static PrimaryLinkFacts? Probe(RootedFiles files, string? name)
    {
        name ??= DefaultRouteInterface(files);
        if (name is null)
        {
            return null;
        }

        var ifIndex = int.TryParse(files.ReadText($"/sys/class/net/{name}/ifindex")?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : (int?)null;
        var facts = new PrimaryLinkFacts(name, ifIndex);
        if (ifIndex is { } i)
        {
            var link = KeyValues(files.ReadText($"/run/systemd/netif/links/{i}"));
            var device = KeyValues(files.ReadText($"/run/NetworkManager/devices/{i}"));
            facts = facts with
            {
                NetworkdAdminState = link.GetValueOrDefault("ADMIN_STATE"),
                NetworkdNetworkFile = link.GetValueOrDefault("NETWORK_FILE"),
                NmDeviceManaged = device.TryGetValue("managed", out var managed) ? managed == "true" : null,
                NmConnectionUuid = device.GetValueOrDefault("connection-uuid"),
            };
        }

        var ifcfg = files.ReadText($"/etc/sysconfig/network-scripts/ifcfg-{name}");
        facts = facts with
        {
            NetworkScriptsIfcfg = ifcfg is not null,
            IfcfgNmControlled = KeyValues(ifcfg).GetValueOrDefault("NM_CONTROLLED")?.ToLowerInvariant(),
            SuseIfcfg = files.FileExists($"/etc/sysconfig/network/ifcfg-{name}"),
            IfupdownUp = IfupdownUp(files, name),
            IfupdownStanza = IfupdownStanza(files, name),
            NetplanMentions = files.List("/etc/netplan", "*.yaml").Any(f => Mentions(files.ReadText("/etc/netplan/" + f), name)),
        };

        var (format, path) = FindNmProfile(files, facts.NmConnectionUuid, name);
        return facts with { NmProfile = format, NmProfilePath = path };
    }

    /// <summary>The interface of the default route with the lowest metric, from /proc/net/route.</summary>
    private static string? DefaultRouteInterface(RootedFiles files)
    {
        var lines = files.ReadText("/proc/net/route")?.Split('\n').Skip(1) ?? [];
        return lines
            .Select(l => l.Split('\t', StringSplitOptions.TrimEntries))
            .Where(f => f.Length >= 8 && f[1] == "00000000" && f[7] == "00000000")
            .OrderBy(f => int.TryParse(f[6], NumberStyles.None, CultureInfo.InvariantCulture, out var metric) ? metric : int.MaxValue)
            .Select(f => f[0])
            .FirstOrDefault();
    }

    private static bool IfupdownUp(RootedFiles files, string name)
    {
        // ifupdown 0.8 keeps "iface=iface" lines in /run/network/ifstate; newer releases one file per interface.
        var state = files.ReadText("/run/network/ifstate") ?? string.Empty;
        return state.Split('\n').Any(l => l.Split('=')[0].Trim() == name)
            || !string.IsNullOrWhiteSpace(files.ReadText($"/run/network/ifstate.{name}"));
    }

    private static bool IfupdownStanza(RootedFiles files, string name)
    {
        var texts = new[] { files.ReadText("/etc/network/interfaces") }
            .Concat(files.List("/etc/network/interfaces.d", "*").Select(f => files.ReadText("/etc/network/interfaces.d/" + f)));
        return texts.Any(t => t is not null && t.Split('\n').Any(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is ["iface", var iface, ..] && iface == name));
    }

    private static bool Mentions(string? yaml, string name) =>
        yaml is not null && Regex.IsMatch(yaml, $@"(^|\s){Regex.Escape(name)}:", RegexOptions.Multiline, TimeSpan.FromSeconds(1));

    /// <summary>The NM profile with the device's UUID or, lacking one, a profile naming the interface.</summary>
    private static (NmProfileFormat?, string?) FindNmProfile(RootedFiles files, string? uuid, string name)
    {
        foreach (var dir in KeyfileDirs)
        {
            foreach (var file in files.List(dir, "*"))
            {
                var values = KeyValues(files.ReadText($"{dir}/{file}"));
                var match = uuid is not null ? values.GetValueOrDefault("uuid") == uuid : values.GetValueOrDefault("interface-name") == name;
                if (match)
                {
                    var netplan = dir.StartsWith("/run/", StringComparison.Ordinal) && file.StartsWith("netplan-", StringComparison.Ordinal);
                    return (netplan ? NmProfileFormat.NetplanKeyfile : NmProfileFormat.Keyfile, $"{dir}/{file}");
                }
            }
        }

        foreach (var file in files.List("/etc/sysconfig/network-scripts", "ifcfg-*"))
        {
            var values = KeyValues(files.ReadText($"/etc/sysconfig/network-scripts/{file}"));
            var match = uuid is not null ? values.GetValueOrDefault("UUID") == uuid : values.GetValueOrDefault("DEVICE") == name;
            if (match)
            {
                return (NmProfileFormat.Ifcfg, $"/etc/sysconfig/network-scripts/{file}");
            }
        }

        return (null, null);
    }

    /// <summary>KEY=VALUE lines (ini sections ignored, quotes stripped); later keys win.</summary>
    internal static Dictionary<string, string> KeyValues(string? text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in (text ?? string.Empty).Split('\n'))
        {
            var line = raw.Trim();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && line[0] != '#' && line[0] != '[')
            {
                values[line[..eq].Trim()] = line[(eq + 1)..].Trim().Trim('"', '\'');
            }
        }

        return values;
    }
}
