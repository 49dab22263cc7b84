using Xunit;

namespace EniAgent.TestKit.Stacks;

/// <summary>
/// What systemd-networkd logged about our links. networkd logs a failed netlink request for a link as
/// "IFNAME: Failed to ..." and goes on (a link may even end up configured), so tests check the log itself.
/// </summary>
public static class NetworkdLog
{
    /// <summary>The lines where networkd reports a failure for one of <paramref name="interfaces"/>.</summary>
    public static IReadOnlyList<string> Failures(string output, IEnumerable<string> interfaces)
    {
        ArgumentNullException.ThrowIfNull(output);
        var prefixes = interfaces.Select(i => i + ": ").ToList();
        return [.. output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => prefixes.Any(p => l.StartsWith(p, StringComparison.Ordinal)) && l.Contains("Failed to", StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>Fails the test with networkd's whole log when it reported a failure for one of <paramref name="interfaces"/>.</summary>
    public static void AssertNoFailures(StackDaemon networkd, params IEnumerable<string> interfaces)
    {
        ArgumentNullException.ThrowIfNull(networkd);
        var output = networkd.Output;
        var failures = Failures(output, interfaces);
        Assert.True(failures.Count == 0, $"systemd-networkd reported failures for our links:\n  {string.Join("\n  ", failures)}\nlog:\n{output}");
    }
}
