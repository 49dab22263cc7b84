using EniAgent.Cli.Tests.Commands;
using EniAgent.TestKit.Netns;
using EniAgent.TestKit.Processes;

namespace EniAgent.Cli.Tests.Logging;

/// <summary>LoggingSetup as a child process sees it: the journal's priority prefixes only when systemd connects stderr.</summary>
public sealed class JournalStreamTests
{
    [RootTheory]
    [InlineData(true, "<6>Metadata /latest/api/token: attempt 1 failed", "<7>Metadata read failed: ")]
    [InlineData(false, "INF Metadata /latest/api/token: attempt 1 failed", "DBG Metadata read failed: ")]
    public async Task Verbose_log_lines_carry_priorities_under_journal_stream(bool journal, string retry, string failure)
    {
        await using var instance = await Instance.StartAsync(null);
        instance.Root.Write("/etc/eniagent/eniagent.yaml", "metadata:\n  max-retries: 1\n");
        var environment = journal ? new Dictionary<string, string?> { ["JOURNAL_STREAM"] = "8:4242" } : null;

        var result = await AgentCommand.RunAsync(["metadata", "-v", "--metadata-url", "http://127.0.0.1:1/", "--root", instance.Root.Path], instance.Netns.Name, environment);

        Assert.True(result.ExitCode == 69, result.ToString());
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith(retry, lines[0], StringComparison.Ordinal);
        Assert.StartsWith(failure, lines[1], StringComparison.Ordinal);
        Assert.StartsWith("eniagent: metadata service unavailable, nothing changed: ", lines[2], StringComparison.Ordinal);
    }

    [RootFact]
    public async Task One_shot_commands_log_only_problems_without_verbose()
    {
        await using var instance = await Instance.StartAsync(null);
        instance.Root.Write("/etc/eniagent/eniagent.yaml", "metadata:\n  max-retries: 1\nlog-level: debug\n");

        var result = await instance.RunAsync("metadata", "--metadata-url", "http://127.0.0.1:1/");

        Assert.True(result.ExitCode == 69, result.ToString());
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
