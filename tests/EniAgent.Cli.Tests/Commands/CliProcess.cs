using System.Diagnostics;

namespace EniAgent.Cli.Tests.Commands;

/// <summary>What one <c>eniagent</c> run printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}

/// <summary>
/// Runs the built <c>eniagent.dll</c> (it lands next to the test assembly) as a child process, optionally inside a
/// network namespace (<c>ip netns exec</c>). The environment is cleaned of what would change its output.
/// </summary>
internal static class CliProcess
{
    /// <summary>A guard against a hung child, not an assertion: a cold start on a busy 2-core machine is slow.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "eniagent.dll");

    public static Task<CliResult> RunAsync(params string[] arguments) => RunAsync(arguments, netns: null);

    public static async Task<CliResult> RunAsync(
        IEnumerable<string> arguments,
        string? netns = null,
        IReadOnlyDictionary<string, string>? environment = null,
        IEnumerable<string>? launcher = null)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] command = [.. netns is null ? [] : (string[])["ip", "netns", "exec", netns], .. launcher ?? [], DotnetHost(), Dll, .. arguments];
        start.FileName = command[0];
        foreach (var argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("JOURNAL_STREAM");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {start.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(HangGuard);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"eniagent {string.Join(' ', arguments)} did not exit within {HangGuard}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The dotnet host running the tests (the SDK exports DOTNET_HOST_PATH), else dotnet from PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";
}

/// <summary>A fact that needs root (network namespaces, dropping privileges); skipped with the reason elsewhere.</summary>
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = "needs root (network namespaces)";
        }
    }
}

/// <summary>A theory that needs root.</summary>
internal sealed class RootTheoryAttribute : TheoryAttribute
{
    public RootTheoryAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = "needs root (network namespaces)";
        }
    }
}
