using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;

namespace EniAgent.Rendering.Tests;

/// <summary>Reads iproute2-style argument lists back into specs, so rendered route/rule lines can be compared with the desired state.</summary>
internal static class IpLine
{
    /// <summary><c>DEST [via GW] [dev IF] [scope S] [src A] table N [proto P]</c>, or wicked's four columns then options.</summary>
    public static RouteSpec Route(string line, AddressFamily family, bool wickedColumns = false)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        IPAddress? gateway = null;
        if (wickedColumns)
        {
            gateway = words[1] == "-" ? null : IPAddress.Parse(words[1]);
            words.RemoveRange(1, 3);
        }

        var destination = words[0] == "default"
            ? new IPNetwork(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0)
            : IPNetwork.Parse(words[0]);
        IPAddress? src = null;
        var scope = RouteScope.Universe;
        uint table = 0;
        for (var i = 1; i < words.Count; i += 2)
        {
            switch (words[i])
            {
                case "via": gateway = IPAddress.Parse(words[i + 1]); break;
                case "src": src = IPAddress.Parse(words[i + 1]); break;
                case "scope": scope = words[i + 1] == "link" ? RouteScope.Link : throw new FormatException(words[i + 1]); break;
                case "table": table = uint.Parse(words[i + 1], CultureInfo.InvariantCulture); break;
                case "dev" or "proto": break;
                default: throw new FormatException($"unexpected '{words[i]}' in '{line}'");
            }
        }

        return new RouteSpec(table, destination, gateway, scope, src);
    }

    /// <summary><c>[ipv4|ipv6] priority P from SRC table N [suppress_prefixlength S] [protocol P]</c>.</summary>
    public static RuleSpec Rule(string line, AddressFamily family)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words[0] is "ipv4" or "ipv6")
        {
            words.RemoveAt(0);
        }

        uint priority = 0, table = 0;
        IPNetwork? from = null;
        int? suppress = null;
        for (var i = 0; i < words.Count; i += 2)
        {
            var value = words[i + 1];
            switch (words[i])
            {
                case "priority": priority = uint.Parse(value, CultureInfo.InvariantCulture); break;
                case "from": from = value == "all" || IPNetwork.Parse(value).PrefixLength == 0 ? null : IPNetwork.Parse(value); break;
                case "table": table = uint.Parse(value, CultureInfo.InvariantCulture); break;
                case "suppress_prefixlength": suppress = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "protocol": break;
                default: throw new FormatException($"unexpected '{words[i]}' in '{line}'");
            }
        }

        return new RuleSpec(family, priority, from, table, suppress);
    }

    /// <summary>Lines of a rendered line file without its comments.</summary>
    public static IEnumerable<string> Lines(string content) =>
        content.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#'));
}
