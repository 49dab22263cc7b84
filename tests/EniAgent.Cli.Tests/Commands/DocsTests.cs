using System.Reflection;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;
using EniAgent.Cli.Commands;
using EniAgent.Cli.Output;
using EniAgent.Cli.Status;

namespace EniAgent.Cli.Tests.Commands;

/// <summary>docs/cli.md and README's CLI section keep up with the parser, the exit codes and the JSON documents.</summary>
public sealed class DocsTests
{
    private static readonly Lazy<string> RepoRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EniAgent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("EniAgent.sln not found above " + AppContext.BaseDirectory);
    });

    private static string CliDoc => File.ReadAllText(Path.Combine(RepoRoot.Value, "docs", "cli.md"));

    [Fact]
    public void Every_command_has_a_section_naming_each_of_its_options()
    {
        foreach (var command in CommandTree.Build().Subcommands)
        {
            var section = Section(CliDoc, $"## {command.Name}\n");
            foreach (var option in command.Options.Where(o => o.Name != "--help"))
            {
                Assert.True(
                    option.Aliases.Append(option.Name).Any(a => section.Contains(a, StringComparison.Ordinal)),
                    $"docs/cli.md, section '{command.Name}', does not mention {option.Name}");
            }
        }
    }

    [Fact]
    public void Every_command_is_in_the_readme_and_the_overview()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Value, "README.md"));
        foreach (var command in CommandTree.Build().Subcommands)
        {
            Assert.Contains($"| `eniagent {command.Name}", readme, StringComparison.Ordinal);
            Assert.Contains($"| [`{command.Name}`](#{command.Name}) |", CliDoc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_exit_code_is_documented_in_both()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Value, "README.md"));
        var codes = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (int)f.GetValue(null)!).ToList();

        Assert.Equal([0, 1, 2, 69, 77, 78], codes.Order());
        foreach (var code in codes)
        {
            Assert.Contains($"\n| {code} | ", Section(CliDoc, "## Exit codes\n"), StringComparison.Ordinal);
            Assert.Contains($"{code} ", Section(readme, "## CLI\n"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("### `reconcile --json`\n", typeof(ReconcileJsonDto), "")]
    [InlineData("### `reconcile --json`\n", typeof(EniDecisionJsonDto), "enis[].")]
    [InlineData("### `reconcile --json`\n", typeof(PlanGroupJsonDto), "groups[].")]
    [InlineData("### `reconcile --json`\n", typeof(PlanStepJsonDto), "groups[].steps[].")]
    [InlineData("### `reconcile --json`\n", typeof(FileJsonDto), "files[].")]
    [InlineData("### `status --json`\n", typeof(StatusJsonDto), "")]
    [InlineData("### `status --json`\n", typeof(EniStatusJsonDto), "enis[].")]
    public void Every_json_member_has_a_row_in_its_schema(string heading, Type dto, string prefix)
    {
        var section = Section(CliDoc, heading);
        var members = dto.GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name).OfType<string>().ToList();

        Assert.NotEmpty(members);
        Assert.All(members, m => Assert.Contains($"| `{prefix}{m}` |", section, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_relative_link_in_the_readme_and_docs_reaches_a_file_and_its_heading()
    {
        var documents = Directory.GetFiles(Path.Combine(RepoRoot.Value, "docs"), "*.md").Append(Path.Combine(RepoRoot.Value, "README.md"));
        var checkedLinks = 0;
        foreach (var document in documents)
        {
            var text = File.ReadAllText(document);
            foreach (var target in Regex.Matches(text, @"\]\(([^)\s]+)\)").Select(m => m.Groups[1].Value).Where(t => !t.Contains("://", StringComparison.Ordinal)))
            {
                var (file, anchor) = target.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? (target[..hash], target[(hash + 1)..]) : (target, null);
                var resolved = file.Length == 0 ? document : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, file));
                var where = $"{Path.GetRelativePath(RepoRoot.Value, document)}: link '{target}'";
                Assert.True(File.Exists(resolved) || Directory.Exists(resolved), $"{where}: {resolved} does not exist");
                if (anchor is not null)
                {
                    Assert.True(Anchors(File.ReadAllText(resolved)).Contains(anchor), $"{where}: no heading with that anchor");
                }

                checkedLinks++;
            }
        }

        Assert.True(checkedLinks >= 20, $"only {checkedLinks} links found: is the pattern still right?");
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> Anchors(string markdown) =>
        [.. Regex.Matches(markdown, @"^#+ (.+)$", RegexOptions.Multiline)
            .Select(m => Regex.Replace(m.Groups[1].Value.Trim().ToLowerInvariant(), @"[^\p{L}\p{N} _-]", string.Empty).Replace(' ', '-'))];

    /// <summary>The text from a heading to the next heading of the same or a higher level.</summary>
    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"heading '{heading.Trim()}' not found");
        var level = heading.TakeWhile(c => c == '#').Count();
        var body = markdown[(start + heading.Length)..];
        var next = Enumerable.Range(1, level).Select(n => body.IndexOf("\n" + new string('#', n) + " ", StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(body.Length).Min();
        return body[..next];
    }
}
