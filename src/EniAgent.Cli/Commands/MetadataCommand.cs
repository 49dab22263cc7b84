using System.CommandLine;
using EniAgent.Metadata;
using EniAgent.Metadata.Rendering;

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
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, common, async context =>
        {
            using var source = MetadataSourceFactory.Create(context.Options.Metadata, context.Loggers);
            var snapshot = await source.ReadAsync(ct);
            // SnapshotJson ends at the closing brace; a shell prompt must not follow it on the same line.
            await Console.Out.WriteAsync(parse.GetValue(common.Json) ? SnapshotJson.Render(snapshot) + "\n" : SnapshotTable.Render(snapshot));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
