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
}
