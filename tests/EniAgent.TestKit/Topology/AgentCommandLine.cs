using EniAgent.TestKit.Processes;

namespace EniAgent.TestKit.Topology;

/// <summary>
/// Builds the command line that runs <c>eniagent</c> inside a namespace: <c>ip netns exec NS dotnet eniagent.dll ARGS</c>.
/// eniagent.dll lands next to the test assembly through a ProjectReference to src/EniAgent.Cli; set
/// <see cref="ExecutableVariable"/> to run another build instead (e.g. the NativeAOT binary).
/// </summary>
internal static class AgentCommandLine
{
    public const string DllPathVariable = "ENIAGENT_DLL";
    public const string ExecutableVariable = "ENIAGENT_EXECUTABLE";

    private const int Nobody = 65534;

    public static (string Program, IReadOnlyList<string> Arguments) Build(string netns, string root, AgentRunOptions options, IReadOnlyList<string> arguments)
    {
        var agent = System.Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } executable
            ? [executable]
            : new[] { DotnetHost.Path, DotnetHost.FindDll("eniagent.dll", DllPathVariable, "add a ProjectReference to src/EniAgent.Cli") };
        string[] privileges = options.Unprivileged
            ? ["setpriv", $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--inh-caps=-all"]
            : [];
        string[] rootOption = options.PassRoot ? ["--root", root] : [];
        return ("ip", ["netns", "exec", netns, .. privileges, .. agent, .. arguments, .. rootOption]);
    }

    public static Dictionary<string, string?> Environment(AgentRunOptions options)
    {
        var environment = DotnetHost.QuietEnvironment.ToDictionary(e => e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        foreach (var (name, value) in options.Environment)
        {
            environment[name] = value;
        }

        return environment;
    }
}
