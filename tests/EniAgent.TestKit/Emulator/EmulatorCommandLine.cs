using System.Diagnostics;
using EniAgent.TestKit.Processes;

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
        string[] emulator = [DotnetHost.Path, dll, "--scenario", scenarioPath, "--listen", options.Listen];
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
        foreach (var (name, value) in DotnetHost.QuietEnvironment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    public static string FindEmulatorDll() =>
        DotnetHost.FindDll(DllName, DllPathVariable, "reference tests/EniAgent.TestKit from the test project");
}
