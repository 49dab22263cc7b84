using System.Runtime.InteropServices;

namespace EniAgent.TestKit.Processes;

/// <summary>Sends a signal to a test's child process with kill(2): <see cref="System.Diagnostics.Process"/> can only kill.</summary>
public static class ProcessSignal
{
    public const int SigHup = 1;
    public const int SigTerm = 15;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; throws with the errno when kill(2) fails.</summary>
    public static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
