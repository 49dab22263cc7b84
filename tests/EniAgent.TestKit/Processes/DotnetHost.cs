namespace EniAgent.TestKit.Processes;

/// <summary>Where the <c>dotnet</c> host is, for running built tools (<c>dotnet tool.dll</c>) as child processes.</summary>
public static class DotnetHost
{
    /// <summary>
    /// Environment for .NET child processes started by tests: no config reload watcher. Every host builder otherwise
    /// takes an inotify instance, and all root processes on the machine share a limit of 128 (parallel test runs hit it).
    /// No diagnostics IPC either: a child a test kills leaves its dotnet-diagnostic and clr-debug-pipe files in /tmp.
    /// </summary>
    public static IReadOnlyDictionary<string, string> QuietEnvironment { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_EnableDiagnostics"] = "0",
    };

    /// <summary>The dotnet host running the tests (the SDK exports DOTNET_HOST_PATH), else dotnet from PATH.</summary>
    public static string Path
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            {
                return host;
            }

            return Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
        }
    }

    /// <summary>
    /// Finds <paramref name="dllName"/> (with its runtimeconfig.json) next to the test assemblies, or at the path in
    /// environment variable <paramref name="overrideVariable"/>.
    /// </summary>
    public static string FindDll(string dllName, string overrideVariable, string hint)
    {
        string[] candidates =
        [
            Environment.GetEnvironmentVariable(overrideVariable) ?? string.Empty,
            System.IO.Path.Combine(AppContext.BaseDirectory, dllName),
            System.IO.Path.Combine(System.IO.Path.GetDirectoryName(typeof(DotnetHost).Assembly.Location) ?? ".", dllName),
        ];
        foreach (var candidate in candidates)
        {
            if (candidate.Length > 0 && File.Exists(candidate) && File.Exists(System.IO.Path.ChangeExtension(candidate, ".runtimeconfig.json")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"{dllName} with its runtimeconfig.json not found (looked at: {string.Join(", ", candidates.Where(c => c.Length > 0))}); {hint}, or set {overrideVariable}");
    }
}
