using System.Net;
using EniAgent.TestKit.Netns;
using EniAgent.TestKit.Processes;
using EniAgent.TestKit.Topology;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>Assertions with messages that show what the agent and the kernel said.</summary>
internal static class Expect
{
    /// <summary>The run exited with <paramref name="exitCode"/>; on failure the message shows its output.</summary>
    public static ProcessResult Exit(int exitCode, ProcessResult result)
    {
        Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}, got {result}");
        return result;
    }

    public static ProcessResult Ok(ProcessResult result) => Exit(0, result);

    /// <summary>Two kernel states are the same; on failure the message lists the differences.</summary>
    public static void Unchanged(KernelState before, KernelState after) =>
        Assert.True(before == after, "the kernel changed:\n" + string.Join('\n', before.Differences(after)));

    /// <summary>Payload of the pings that prove a path: far above what ARP, ND or MLD put on a link meanwhile.</summary>
    public const int PingPayload = 1200;

    /// <summary>
    /// Three large pings from <paramref name="from"/> to <paramref name="to"/> (source <paramref name="source"/> when given) are
    /// all answered, and the only guest links that sent a ping's worth of bytes meanwhile are <paramref name="links"/>.
    /// </summary>
    public static async Task LeavesGuestThroughAsync(EcsTopology topology, NetworkNamespace from, IPAddress to, IPAddress? source, params string[] links)
    {
        var options = new PingOptions { Count = 3, PayloadBytes = PingPayload };
        var egress = await Egress.MeasureAsync(topology.Guest, () => Traffic.PingAsync(from, to, source, options));
        var path = $"{from} {source?.ToString() ?? string.Empty} -> {to}";
        Assert.True(egress.Succeeded, $"{path}: no reply; {egress}");
        Assert.True(links.SequenceEqual(egress.LinksThatSent(PingPayload)), $"{path}: expected to leave by {string.Join(", ", links)}; {egress}");
    }
}
