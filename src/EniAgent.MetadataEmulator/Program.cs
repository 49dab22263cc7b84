using EniAgent.MetadataEmulator.Cli;
using EniAgent.MetadataEmulator.Hosting;
using EniAgent.MetadataEmulator.Scenarios;

using Microsoft.Extensions.Hosting;

namespace EniAgent.MetadataEmulator;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        EmulatorOptions options;
        Scenario scenario;
        string scenarioText;
        try
        {
            if (args is ["--help"] or ["-h"])
            {
                await Console.Out.WriteLineAsync(EmulatorOptions.Usage);
                return 0;
            }

            options = EmulatorOptions.Parse(args);
            scenarioText = await File.ReadAllTextAsync(options.ScenarioPath);
            scenario = ScenarioParser.ParseScenario(scenarioText);
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"eniagent-metadata-emulator: {ex.Message}\n{EmulatorOptions.Usage}");
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ScenarioException)
        {
            await Console.Error.WriteLineAsync($"eniagent-metadata-emulator: cannot load the scenario: {ex.Message}");
            return 2;
        }

        await using var app = EmulatorHost.Build(options, scenario, scenarioText, TimeProvider.System);
        try
        {
            await app.StartAsync();
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"eniagent-metadata-emulator: cannot listen on {options.Listen}: {ex.Message}");
            return 1;
        }

        // The one stdout line launchers wait for.
        await Console.Out.WriteLineAsync($"listening on {EmulatorHost.BoundUri(app, options.Listen.Address).ToString().TrimEnd('/')}");
        await Console.Out.FlushAsync();
        await app.WaitForShutdownAsync();
        return 0;
    }
}
