using EniAgent.TestKit.Processes;

namespace EniAgent.Cli.Tests.Commands;

/// <summary>
/// Runs the built <c>eniagent.dll</c> (it lands next to the test assembly; <c>ENIAGENT_DLL</c> points elsewhere, and
/// <c>ENIAGENT_EXECUTABLE</c> runs e.g. the NativeAOT binary instead) as a child process, optionally inside a network
/// namespace (<c>ip netns exec</c>). The environment is cleaned of what would change its output.
/// </summary>
internal static class CliProcess
{
    /// <summary>A guard against a hung child, not an assertion: a cold start on a busy 2-core machine is slow.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    public static Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync(arguments, netns: null);

    public static Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments,
        string? netns = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        IEnumerable<string>? launcher = null)
    {
        string[] agent = Environment.GetEnvironmentVariable("ENIAGENT_EXECUTABLE") is { Length: > 0 } executable
            ? [executable]
            : [DotnetHost.Path, DotnetHost.FindDll("eniagent.dll", "ENIAGENT_DLL", "the ProjectReference to src/EniAgent.Cli puts it there")];
        string[] command = [.. netns is null ? [] : (string[])["ip", "netns", "exec", netns], .. launcher ?? [], .. agent, .. arguments];
        var variables = new Dictionary<string, string?> { ["JOURNAL_STREAM"] = null, ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        return ChildProcess.RunAsync(command[0], command[1..], HangGuard, variables);
    }
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
