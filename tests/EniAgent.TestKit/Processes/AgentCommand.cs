namespace EniAgent.TestKit.Processes;

/// <summary>
/// Runs the built <c>eniagent</c> as a child process: <c>[ip netns exec NS] [setpriv ...] dotnet eniagent.dll ARGS</c>.
/// eniagent.dll lands next to the test assembly through a ProjectReference to src/EniAgent.Cli
/// (<see cref="DllPathVariable"/> points elsewhere); <see cref="ExecutableVariable"/> runs another build instead
/// (e.g. the NativeAOT binary). The environment is cleaned of what would change its output.
/// </summary>
public static class AgentCommand
{
    public const string DllPathVariable = "ENIAGENT_DLL";
    public const string ExecutableVariable = "ENIAGENT_EXECUTABLE";

    /// <summary>A guard against a hung child, not an assertion: a cold start on a busy 2-core machine is slow.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    private const int Nobody = 65534;

    /// <summary>Runs <c>eniagent ARGS</c> on the host (no namespace) and waits for it.</summary>
    public static Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync(arguments, netns: null);

    /// <param name="arguments">Arguments after the program.</param>
    /// <param name="netns">The network namespace to run in (<c>ip netns exec</c>); null runs on the host.</param>
    /// <param name="environment">Extra environment variables (a null value removes one).</param>
    /// <param name="unprivileged">Run as user and group 65534 without capabilities, to see the agent refuse.</param>
    /// <param name="timeout">The hang guard; default <see cref="HangGuard"/>.</param>
    public static Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments,
        string? netns = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool unprivileged = false,
        TimeSpan? timeout = null)
    {
        var (program, commandLine) = Build(arguments, netns, unprivileged);
        return ChildProcess.RunAsync(program, commandLine, timeout ?? HangGuard, Environment(environment));
    }

    /// <summary>The program and its arguments, for <see cref="ChildProcess.Start"/>.</summary>
    /// <param name="arguments">Arguments after the program.</param>
    /// <param name="netns">The network namespace to run in (<c>ip netns exec</c>); null runs on the host.</param>
    /// <param name="unprivileged">Run as user and group 65534 without capabilities.</param>
    /// <param name="program">The agent and what wraps it (e.g. <c>nohup</c>); default <see cref="Program"/>.</param>
    public static (string Program, IReadOnlyList<string> Arguments) Build(IEnumerable<string> arguments, string? netns = null, bool unprivileged = false, IReadOnlyList<string>? program = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        string[] privileges = unprivileged
            ? ["setpriv", $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--inh-caps=-all"]
            : [];
        string[] command = [.. netns is null ? [] : (string[])["ip", "netns", "exec", netns], .. privileges, .. program ?? Program(), .. arguments];
        return (command[0], command[1..]);
    }

    /// <summary>The agent itself: <c>$ENIAGENT_EXECUTABLE</c> when set, else <c>dotnet eniagent.dll</c>.</summary>
    public static string[] Program() =>
        System.Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } executable
            ? [executable]
            : [DotnetHost.Path, DotnetHost.FindDll("eniagent.dll", DllPathVariable, "add a ProjectReference to src/EniAgent.Cli")];

    /// <summary>
    /// The quiet .NET environment, without <c>JOURNAL_STREAM</c> (it switches the log to the journal's priority
    /// prefixes), then <paramref name="extra"/>.
    /// </summary>
    public static Dictionary<string, string?> Environment(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = DotnetHost.QuietEnvironment.ToDictionary(e => e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        environment["JOURNAL_STREAM"] = null;
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return environment;
    }
}
