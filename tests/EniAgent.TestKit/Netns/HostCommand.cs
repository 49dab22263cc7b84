using System.Diagnostics;

namespace EniAgent.TestKit.Netns;

/// <summary>Runs a host tool with an argument list (never a shell string) and returns its standard output.</summary>
public static class HostCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="program"/>; throws with the command line and stderr if it fails or hangs.</summary>
    public static string Run(string program, params IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe(program, arguments)} did not finish within {Timeout.TotalSeconds} s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Describe(program, arguments)} exited with {process.ExitCode}: {stderr.GetAwaiter().GetResult().Trim()}");
        }

        return stdout.GetAwaiter().GetResult();
    }

    private static string Describe(string program, IReadOnlyList<string> arguments) =>
        program + " " + string.Join(' ', arguments);
}
