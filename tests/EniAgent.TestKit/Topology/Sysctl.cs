using EniAgent.TestKit.Netns;

namespace EniAgent.TestKit.Topology;

/// <summary>Reads and writes kernel parameters of one network namespace (<c>ip netns exec NS sysctl</c>).</summary>
public static class Sysctl
{
    public static void Set(NetworkNamespace ns, params IReadOnlyList<(string Key, string Value)> values)
    {
        ArgumentNullException.ThrowIfNull(ns);
        ArgumentNullException.ThrowIfNull(values);
        ns.Exec("sysctl", ["-q", "-w", .. values.Select(v => $"{v.Key}={v.Value}")]);
    }

    /// <summary>The value of <paramref name="key"/>, e.g. <c>net.ipv4.conf.eth1.rp_filter</c>.</summary>
    public static string Get(NetworkNamespace ns, string key)
    {
        ArgumentNullException.ThrowIfNull(ns);
        return ns.Exec("sysctl", "-n", key).Trim();
    }
}
