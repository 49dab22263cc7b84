using System.CommandLine;
using EniAgent.Core.Configuration;
using EniAgent.Core.Metadata;
using EniAgent.Metadata;

namespace EniAgent.Cli.Commands;

/// <summary>Runs a command body with its context and maps the failures every command shares to exit codes.</summary>
internal static class CommandRunner
{
    /// <param name="interactive">False for the daemon: its log is its report (see <see cref="AgentContext.Create"/>).</param>
    public static async Task<int> RunAsync(ParseResult parse, CommonOptions common, Func<AgentContext, Task<int>> body, bool interactive = true)
    {
        AgentContext context;
        try
        {
            context = AgentContext.Create(parse, common, interactive);
        }
        catch (ConfigurationException ex)
        {
            await Console.Error.WriteLineAsync($"eniagent: invalid configuration: {ex.Message}");
            return ExitCodes.InvalidConfiguration;
        }

        using (context)
        {
            try
            {
                return await body(context);
            }
            catch (MetadataUnavailableException ex)
            {
                await Console.Error.WriteLineAsync($"eniagent: metadata service unavailable, nothing changed: {ex.Message}");
                return ExitCodes.MetadataUnavailable;
            }
            catch (MetadataFormatException ex)
            {
                await Console.Error.WriteLineAsync($"eniagent: metadata unusable, nothing changed: {ex.Message}");
                return ExitCodes.MetadataUnavailable;
            }
            catch (Platform.Locking.LockTimeoutException ex)
            {
                await Console.Error.WriteLineAsync($"eniagent: {ex.Message}");
                return ExitCodes.Failed;
            }
            catch (UnauthorizedAccessException ex)
            {
                await Console.Error.WriteLineAsync($"eniagent: permission denied: {ex.Message}");
                return ExitCodes.NoPermission;
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync("eniagent: interrupted");
                return ExitCodes.Failed;
            }
        }
    }
}
