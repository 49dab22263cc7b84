using System.Diagnostics;

namespace EniAgent.TestKit.Emulator;

/// <summary>Finds the built emulator and builds its command line (argument list, never a shell string).</summary>
internal static class EmulatorCommandLine
{
    public const string DllPathVariable = "ENIAGENT_METADATA_EMULATOR_DLL";

    private const string DllName = "eniagent-metadata-emulator.dll";

    public static ProcessStartInfo BuildStartInfo(string dll, string scenarioPath, MetadataEmulatorStartOptions options)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] emulator = [DotnetHost(), dll, "--scenario", scenarioPath, "--listen", options.Listen];
        if (options.Netns is { } netns)
        {
            info.FileName = "ip";
            foreach (var argument in (string[])["netns", "exec", netns, .. emulator])
            {
                info.ArgumentList.Add(argument);
            }
        }
        else
        {
            info.FileName = emulator[0];
            foreach (var argument in emulator[1..])
            {
                info.ArgumentList.Add(argument);
            }
        }

        if (options.Watch)
        {
            info.ArgumentList.Add("--watch");
        }

        // The launcher decides where it listens, not the environment the tests happen to run in.
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

    public static string FindEmulatorDll()
    {
        string[] candidates =
        [
            Environment.GetEnvironmentVariable(DllPathVariable) ?? string.Empty,
            Path.Combine(AppContext.BaseDirectory, DllName),
            Path.Combine(Path.GetDirectoryName(typeof(MetadataEmulatorProcess).Assembly.Location) ?? ".", DllName),
        ];
        foreach (var candidate in candidates)
        {
            if (candidate.Length > 0 && File.Exists(candidate) && File.Exists(Path.ChangeExtension(candidate, ".runtimeconfig.json")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"{DllName} with its runtimeconfig.json not found (looked at: {string.Join(", ", candidates.Where(c => c.Length > 0))}); " +
            $"reference tests/EniAgent.TestKit from the test project, or set {DllPathVariable}");
    }

    /// <summary>The dotnet host running the tests (the SDK exports DOTNET_HOST_PATH), else dotnet from PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
