using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using EniAgent.TestKit.Netns;

namespace EniAgent.TestKit.Topology;

/// <summary>
/// Reads a namespace's links, addresses, routes, rules and counters with <c>ip -j</c>, for assertions only (the
/// product itself never runs <c>ip</c>).
/// </summary>
public static class KernelReader
{
    public static IReadOnlyList<IpRule> Rules(NetworkNamespace ns) =>
        [.. Rules(ns, AddressFamily.InterNetwork), .. Rules(ns, AddressFamily.InterNetworkV6)];

    public static IReadOnlyList<IpRule> Rules(NetworkNamespace ns, AddressFamily family)
    {
        ArgumentNullException.ThrowIfNull(ns);
        return [.. ns.IpJson(FamilyFlag(family), "rule", "show").EnumerateArray().Select(r => new IpRule(
            family,
            r.GetProperty("priority").GetInt32(),
            Source(r),
            String(r, "table") ?? "?",
            String(r, "protocol"),
            r.TryGetProperty("suppress_prefixlen", out var suppress) ? suppress.GetInt32() : null))];
    }

    /// <summary>Routes of both families in every table.</summary>
    public static IReadOnlyList<IpRoute> Routes(NetworkNamespace ns) =>
        [.. Routes(ns, AddressFamily.InterNetwork), .. Routes(ns, AddressFamily.InterNetworkV6)];

    /// <summary>Routes of one family in <paramref name="table"/> (a number, <c>main</c>, or <c>all</c>).</summary>
    public static IReadOnlyList<IpRoute> Routes(NetworkNamespace ns, AddressFamily family, string table = "all")
    {
        ArgumentNullException.ThrowIfNull(ns);
        return [.. ns.IpJson(FamilyFlag(family), "route", "show", "table", table).EnumerateArray().Select(r => new IpRoute(
            family,
            String(r, "type") ?? "unicast",
            String(r, "dst") ?? "?",
            String(r, "gateway"),
            String(r, "dev"),
            String(r, "table") ?? (table is "all" ? "main" : table),
            String(r, "protocol"),
            String(r, "scope"),
            String(r, "prefsrc")))];
    }

    /// <summary>Addresses of every link, or of <paramref name="link"/> only.</summary>
    public static IReadOnlyList<IpAddressEntry> Addresses(NetworkNamespace ns, string? link = null)
    {
        ArgumentNullException.ThrowIfNull(ns);
        var json = link is null ? ns.IpJson("address", "show") : ns.IpJson("address", "show", "dev", link);
        return [.. json.EnumerateArray().SelectMany(l => l.GetProperty("addr_info").EnumerateArray().Select(a => new IpAddressEntry(
            l.GetProperty("ifname").GetString()!,
            a.GetProperty("family").GetString() == "inet6" ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork,
            IPAddress.Parse(a.GetProperty("local").GetString()!),
            a.GetProperty("prefixlen").GetInt32(),
            String(a, "scope") ?? "?",
            a.TryGetProperty("noprefixroute", out var npr) && npr.GetBoolean())))];
    }

    public static IReadOnlyList<IpLink> Links(NetworkNamespace ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        return [.. ns.IpJson("link", "show").EnumerateArray().Select(ToLink)];
    }

    public static IpLink Link(NetworkNamespace ns, string name)
    {
        ArgumentNullException.ThrowIfNull(ns);
        return ToLink(ns.IpJson("link", "show", "dev", name).EnumerateArray().Single());
    }

    /// <summary>Counters of every link of the namespace, by name.</summary>
    public static IReadOnlyDictionary<string, LinkCounters> Counters(NetworkNamespace ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        return ns.IpJson("-s", "link", "show").EnumerateArray().Select(ToCounters).ToDictionary(c => c.Link, StringComparer.Ordinal);
    }

    public static LinkCounters Counters(NetworkNamespace ns, string link)
    {
        ArgumentNullException.ThrowIfNull(ns);
        return ToCounters(ns.IpJson("-s", "link", "show", "dev", link).EnumerateArray().Single());
    }

    private static IpLink ToLink(JsonElement l) => new(
        l.GetProperty("ifname").GetString()!,
        String(l, "address") ?? string.Empty,
        l.GetProperty("flags").EnumerateArray().Any(f => f.GetString() == "UP"),
        l.GetProperty("mtu").GetInt32());

    private static LinkCounters ToCounters(JsonElement l)
    {
        var stats = l.GetProperty("stats64");
        var rx = stats.GetProperty("rx");
        var tx = stats.GetProperty("tx");
        return new LinkCounters(
            l.GetProperty("ifname").GetString()!,
            rx.GetProperty("packets").GetInt64(),
            rx.GetProperty("bytes").GetInt64(),
            tx.GetProperty("packets").GetInt64(),
            tx.GetProperty("bytes").GetInt64());
    }

    private static string Source(JsonElement rule)
    {
        var source = String(rule, "src") ?? "all";
        return rule.TryGetProperty("srclen", out var length) ? $"{source}/{length.GetInt32()}" : source;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    private static string FamilyFlag(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => "-4",
        AddressFamily.InterNetworkV6 => "-6",
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "IPv4 or IPv6"),
    };
}
