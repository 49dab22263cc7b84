using EniAgent.Cli.Tests.Output;
using EniAgent.Platform.State;
using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Commands;

/// <summary>
/// A corrupt state.json: read-only commands report it and leave every file as it is; only a command that applies
/// (reconcile, clean) moves it aside, and says so.
/// </summary>
public sealed class CorruptStateTests
{
    private const string Corrupt = "{\"version\": 1, \"slots\": [{\"eniId\": \"eni-a\", \"slot\": -1}]}";
    private const string StateFile = "/var/lib/eniagent/state.json";

    [RootFact]
    public async Task Read_only_commands_leave_it_byte_for_byte_and_reconcile_moves_it_aside()
    {
        await using var instance = await Instance.StartAsync(Outcomes.Scenario(secondaries: 1).Build(), ("eth1", ScenarioBuilder.Mac(2)));
        instance.Root.Write(StateFile, Corrupt);
        var url = instance.MetadataUrl;
        var before = instance.Root.Files();
        var problem = $"state: {instance.Root.Resolve(StateFile)} cannot be used (invalid slot entry (eniId 'eni-a', slot -1))";

        string[][] readOnly =
        [
            ["status", "--metadata-url", url],
            ["status", "--json", "--metadata-url", url],
            ["reconcile", "--dry-run", "--metadata-url", url],
            ["reconcile", "--dry-run", "--json", "--metadata-url", url],
            ["clean", "--dry-run"],
        ];
        foreach (var arguments in readOnly)
        {
            var result = await instance.RunAsync(arguments);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains($"{problem}; left as it is, using an empty state", Unescape(result.StandardOutput), StringComparison.Ordinal);
            Assert.Equal(before, instance.Root.Files());
        }

        var reconcile = await instance.RunAsync("reconcile", "--metadata-url", url);
        Assert.True(reconcile.ExitCode == 0, reconcile.ToString());
        var aside = Assert.Single(instance.Root.Files().Keys, k => k.StartsWith(StateFile + ".corrupt-", StringComparison.Ordinal));
        Assert.Contains($"{problem}; moved aside to {instance.Root.Resolve(aside)}, starting with an empty state", reconcile.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(Corrupt, instance.Root.Read(aside));
        Assert.Equal(StateLoadStatus.Loaded, new JsonStateStore(instance.Root.Paths, new Platform.Files.AtomicFileWriter(), TimeProvider.System).Load(StateAccess.ReadOnly).Status);

        instance.Root.Write(StateFile, Corrupt);
        var clean = await instance.RunAsync("clean");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Contains($"warning: {problem}; moved aside to ", clean.StandardOutput, StringComparison.Ordinal);
        Assert.False(instance.Root.Exists(StateFile));
        Assert.Equal(2, instance.Root.Files().Keys.Count(k => k.StartsWith(StateFile + ".corrupt-", StringComparison.Ordinal)));
    }

    /// <summary>The JSON outputs escape the quotes of the problem (<c>\u0027</c>).</summary>
    private static string Unescape(string output) => output.Replace("\\u0027", "'", StringComparison.Ordinal);
}
