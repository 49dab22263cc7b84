using System.CommandLine;

namespace EniAgent.Cli.Commands;

/// <summary>The whole command line: one class per command, wired here.</summary>
internal static class CommandTree
{
    public static RootCommand Build()
    {
        var common = new CommonOptions();
        var root = new RootCommand("eniagent: makes secondary ENIs on Alibaba Cloud ECS just work (addresses, policy routing, persisted distro config).");
        root.Subcommands.Add(ReconcileCommand.Create(common));
        root.Subcommands.Add(StatusCommand.Create(common));
        root.Subcommands.Add(RenderCommand.Create(common));
        root.Subcommands.Add(CleanCommand.Create(common));
        root.Subcommands.Add(MetadataCommand.Create(common));
        root.Subcommands.Add(DaemonCommand.Create(common));
        return root;
    }
}
