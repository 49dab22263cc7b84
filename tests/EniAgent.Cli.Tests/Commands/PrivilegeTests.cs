using EniAgent.Cli.Tests.Persistence;
using EniAgent.TestKit.Netns;
using EniAgent.TestKit.Processes;

namespace EniAgent.Cli.Tests.Commands;

/// <summary>Commands that change the kernel refuse to start without CAP_NET_ADMIN (run here as nobody via setpriv).</summary>
public sealed class PrivilegeTests
{
    [RootTheory]
    [InlineData("reconcile")]
    [InlineData("clean")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Without_privilege_it_exits_77_and_suggests_a_dry_run(string command)
    {
        using var root = new TempRoot();
        File.SetUnixFileMode(root.Path, (UnixFileMode)0b111_111_111);

        var result = await AgentCommand.RunAsync([command, "--root", root.Path], unprivileged: true, environment: new Dictionary<string, string?> { ["HOME"] = root.Path });

        Assert.True(result.ExitCode == 77, result.ToString());
        Assert.Equal($"eniagent: {command} needs root (CAP_NET_ADMIN); try --dry-run\n", result.StandardError);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(root.Path, "*", SearchOption.AllDirectories), p => !p.Contains("/.", StringComparison.Ordinal));
    }
}
