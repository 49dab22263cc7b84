using System.CommandLine;
using EniAgent.Cli.Daemon;

namespace EniAgent.Cli.Commands;

/// <summary><c>eniagent daemon</c>: the systemd service (docs/daemon.md).</summary>
internal static class DaemonCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("daemon", "Run as the systemd service: configure ENIs on netlink events, metadata polls and periodic resyncs")
        {
            common.Root, common.Config, common.MetadataUrl, common.Verbose,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, common, context => DaemonHost.RunAsync(context, parse.GetValue(common.MetadataUrl), ct), interactive: false));
        return command;
    }
}
