using EniAgent.Cli.Tests.Persistence;
using EniAgent.TestKit.Processes;

namespace EniAgent.Cli.Tests.Commands;

/// <summary>A broken configuration file stops every command with 78 and one line naming file:line:column: key.</summary>
public sealed class ConfigErrorTests
{
    public static TheoryData<string[]> Commands => new()
    {
        new[] { "reconcile" },
        new[] { "reconcile", "--dry-run", "--json" },
        new[] { "status", "--json" },
        new[] { "metadata" },
        new[] { "clean" },
        new[] { "clean", "--dry-run" },
        new[] { "render", "--metadata-file", "/nonexistent/eniagent-config-test.json" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task The_default_file_under_root_is_checked_before_anything_else(string[] command)
    {
        using var root = new TempRoot().Write("/etc/eniagent/eniagent.yaml", "# ok so far\nmetadata:\n  token-ttl: 7h\n");

        var result = await AgentCommand.RunAsync([.. command, "--root", root.Path]);

        Assert.True(result.ExitCode == 78, result.ToString());
        Assert.Equal(
            $"eniagent: invalid configuration: {root.Resolve("/etc/eniagent/eniagent.yaml")}:3:14: metadata.token-ttl: '7h': out of range: must be between 1s and 6h\n",
            result.StandardError);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.Equal(["/etc/eniagent/eniagent.yaml"], root.Files().Keys);
    }

    [Theory]
    [InlineData("metadata:\n  urll: http://100.100.100.200\n", ":2:3: metadata.urll: unknown key; the keys allowed in 'metadata' are: url, attempt-timeout, total-timeout, max-retries, token-ttl")]
    [InlineData("exclude: [eth1, \"eth/2\"]\n", ":1:17: exclude[1]: 'eth/2': expects a MAC address")]
    [InlineData("persist:\n  renderer: systemd\n", ":2:13: persist.renderer: 'systemd': expects one of: ")]
    [InlineData("ipv6: yes\n", ":1:7: ipv6: 'yes': expects true or false")]
    public async Task An_explicit_config_file_is_named_with_line_column_and_key(string yaml, string expected)
    {
        using var root = new TempRoot().Write("/custom.yaml", yaml);

        var result = await AgentCommand.RunAsync("status", "--config", root.Resolve("/custom.yaml"), "--root", root.Path);

        Assert.True(result.ExitCode == 78, result.ToString());
        Assert.StartsWith($"eniagent: invalid configuration: {root.Resolve("/custom.yaml")}{expected}", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task An_explicit_config_file_that_does_not_exist_is_78()
    {
        using var root = new TempRoot();

        var result = await AgentCommand.RunAsync("metadata", "--config", root.Resolve("/missing.yaml"), "--root", root.Path);

        Assert.True(result.ExitCode == 78, result.ToString());
        Assert.StartsWith($"eniagent: invalid configuration: {root.Resolve("/missing.yaml")}: cannot be read: ", result.StandardError, StringComparison.Ordinal);
    }
}
