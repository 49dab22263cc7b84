using System.Diagnostics;

namespace EniAgent.TestKit.Processes;

/// <summary>Ends a test's child process whether it is running, already gone or never started.</summary>
public static class ProcessEnd
{
    /// <summary>Kills <paramref name="process"/> (and its children when <paramref name="tree"/>), then waits up to
    /// <paramref name="wait"/> for it to go.</summary>
    public static void Kill(Process process, bool tree = false, TimeSpan? wait = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            if (!process.HasExited)
            {
                process.Kill(tree);
                if (wait is { } timeout)
                {
                    process.WaitForExit(timeout);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
    }

    /// <summary>Kills <paramref name="process"/> (and its children when <paramref name="tree"/>), then waits until it is
    /// gone and its output streams are drained.</summary>
    public static async Task KillAsync(Process process, bool tree = false)
    {
        Kill(process, tree);
        try
        {
            await process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
    }
}
