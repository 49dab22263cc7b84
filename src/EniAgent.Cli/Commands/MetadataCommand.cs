using System.CommandLine;

namespace EniAgent.Cli.Commands;

/// <summary><c>eniagent metadata</c>: the metadata snapshot as the agent sees it, invalid ENIs included.</summary>
internal static class MetadataCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("metadata", "Show the ECS metadata as eniagent sees it (valid and invalid ENIs)")
        {
            common.Json, common.MetadataUrl, common.Root, common.Config, common.Verbose,
        };
        command.SetAction((parse, ct) => Task.FromResult(ExitCodes.Ok));
        return command;
    }
}
