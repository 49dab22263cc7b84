using System.CommandLine;
using EniAgent.Cli.Commands;

namespace EniAgent.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = CommandTree.Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"eniagent: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Try 'eniagent --help'.");
            return ExitCodes.Usage;
        }

        using var cancel = new CancellationTokenSource();
        // Ctrl-C / SIGTERM on a one-shot command: finish the step in flight, then stop.
        using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; cancel.Cancel(); });
        return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancel.Token);
    }
}
