using EniAgent.TestKit.Processes;

namespace EniAgent.Cli.Tests.Commands;

/// <summary>Command-line mistakes exit 2 with a message before anything is read, asked or changed.</summary>
public sealed class UsageTests
{
    private const string Nowhere = "/nonexistent/eniagent-usage-test";

    public static TheoryData<string[], string> Mistakes => new()
    {
        { [], "eniagent: Required command was not provided." },
        { ["frobnicate"], "eniagent: Required command was not provided.\neniagent: Unrecognized command or argument 'frobnicate'." },
        { ["reconcile", "--bogus"], "eniagent: Unrecognized command or argument '--bogus'." },
        { ["metadata", "--json", "extra"], "eniagent: Unrecognized command or argument 'extra'." },
        { ["status", "--metadata-url", "ftp://100.100.100.200"], "eniagent: --metadata-url must be an absolute http(s) URL" },
        { ["reconcile", "--metadata-url", "not a url"], "eniagent: --metadata-url must be an absolute http(s) URL" },
        { ["clean", "--json"], "eniagent: Unrecognized command or argument '--json'." },
        { ["render", "--metadata-file", Nowhere + "/all.json"], "eniagent: render needs --root DIR (the image's root folder)" },
        { ["render", "--root", Nowhere], "eniagent: render needs exactly one of --metadata-url URL or --metadata-file FILE" },
        { ["render", "--root", Nowhere, "--metadata-file", Nowhere + "/all.json", "--metadata-url", "http://127.0.0.1:1/"], "eniagent: render needs exactly one of --metadata-url URL or --metadata-file FILE" },
        { ["render", "--root", Nowhere, "--metadata-file", Nowhere + "/all.json", "--interface", "eth1"], "eniagent: --interface 'eth1': expected MAC=NAME, e.g. 00:16:3e:00:00:02=eth1" },
        { ["render", "--root", Nowhere, "--metadata-file", Nowhere + "/all.json", "--interface", "00:16:3e:00:00:02=a/b"], "eniagent: --interface '00:16:3e:00:00:02=a/b': expected MAC=NAME, e.g. 00:16:3e:00:00:02=eth1" },
        { ["render", "--root", Nowhere, "--metadata-file", Nowhere + "/all.json", "--renderer", "systemd"], "eniagent: --renderer 'systemd': expected auto or one of none, ifcfg, netplan, ifupdown, wicked, networkmanager, networkd\n" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_mistake_exits_2_with_the_reason_and_a_pointer_to_help(string[] arguments, string message)
    {
        var result = await AgentCommand.RunAsync(arguments);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith(message, result.StandardError, StringComparison.Ordinal);
        Assert.EndsWith("Try 'eniagent --help'.\n", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.False(Directory.Exists(Nowhere));
    }

    [Fact]
    public async Task Every_validation_error_of_a_command_is_reported_at_once()
    {
        var result = await AgentCommand.RunAsync("render", "--interface", "bad");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "eniagent: render needs --root DIR (the image's root folder)\n" +
            "eniagent: render needs exactly one of --metadata-url URL or --metadata-file FILE\n" +
            "eniagent: --interface 'bad': expected MAC=NAME, e.g. 00:16:3e:00:00:02=eth1\n" +
            "Try 'eniagent --help'.\n",
            result.StandardError);
    }

    public static TheoryData<string, string[]> CommandOptions => new()
    {
        { "reconcile", ["--dry-run", "--adopt", "--json", "--config", "--root", "--metadata-url", "--verbose"] },
        { "status", ["--json", "--config", "--root", "--metadata-url", "--verbose"] },
        { "metadata", ["--json", "--metadata-url", "--root", "--config", "--verbose"] },
        { "render", ["--root", "--os-release", "--renderer", "--metadata-file", "--interface", "--metadata-url", "--config", "--verbose"] },
        { "clean", ["--dry-run", "--config", "--root", "--verbose"] },
    };

    [Theory]
    [MemberData(nameof(CommandOptions))]
    public async Task Help_of_each_command_shows_its_usage_and_every_option(string command, string[] options)
    {
        var result = await AgentCommand.RunAsync(command, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Usage:\n  eniagent {command} [options]\n", result.StandardOutput, StringComparison.Ordinal);
        var listed = result.StandardOutput.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('-')).Select(l => l.Split(' ', ',')[0]).ToList();
        Assert.Equal([.. options, "-?"], listed.Select(o => o == "-v" ? "--verbose" : o));
        Assert.Equal(string.Empty, result.StandardError);
    }

    [Fact]
    public async Task Help_of_the_program_lists_every_command()
    {
        var result = await AgentCommand.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "reconcile", "status", "render", "clean", "metadata" })
        {
            Assert.Matches($"\n  {command} +\\S", result.StandardOutput);
        }
    }
}
