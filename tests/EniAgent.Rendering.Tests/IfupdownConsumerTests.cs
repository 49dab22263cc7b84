using EniAgent.Core.Configuration;

namespace EniAgent.Rendering.Tests;

/// <summary>Runs the real <c>ifquery</c> and <c>ifup --no-act</c> on rendered stanzas (syntax and the commands ifupdown would run).</summary>
public sealed class IfupdownConsumerTests
{
    public static TheoryData<string> ScenarioNames() => [.. Scenarios.Names];

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Ifquery_and_ifup_no_act_accept_every_stanza(string scenario)
    {
        var ifquery = Tool.Require("ifquery", "ifupdown");
        var ifup = Tool.Require("ifup", "ifupdown");
        var result = RendererCatalog.For(RendererKind.Ifupdown).Render(Scenarios.Request(scenario));
        using var root = new TempDir();
        foreach (var file in result.Files)
        {
            root.Place(file);
        }

        // A private interfaces file like Debian's: the image's primary stanza, then the interfaces.d include.
        // Every ifupdown call gets --state-dir below the temp root, so nothing is written under /run.
        var interfaces = root.Combine("/etc/network/interfaces");
        var text = $"auto eth0\niface eth0 inet dhcp\n\nsource {root.Combine("/etc/network/interfaces.d")}/*\n";
        File.WriteAllText(interfaces, text);
        Assert.True(IfupdownSourceCheck.Includes(text.Replace(root.Path, string.Empty, StringComparison.Ordinal), result.Files[0].Path));
        var stateDir = root.Combine("/run/network");
        Directory.CreateDirectory(stateDir);

        foreach (var file in result.Files)
        {
            var name = Path.GetFileName(file.Path)["eniagent-".Length..];
            var query = Tool.Run(ifquery, "--state-dir", stateDir, "-i", interfaces, name);
            Assert.True(query.ExitCode == 0, query.ToString());
            var expected = file.Content.Split('\n')
                .Where(l => l.StartsWith("    ", StringComparison.Ordinal))
                .Select(l => l.Trim())
                .Where(l => l.StartsWith("up ", StringComparison.Ordinal) || l.StartsWith("down ", StringComparison.Ordinal))
                .Select(l => l.StartsWith("up ", StringComparison.Ordinal) ? "up: " + l[3..] : "down: " + l[5..])
                .ToList();
            var reported = query.Stdout.Split('\n').Where(l => l.StartsWith("up: ", StringComparison.Ordinal) || l.StartsWith("down: ", StringComparison.Ordinal)).ToList();
            foreach (var line in expected)
            {
                Assert.Contains(line, reported);
            }

            var up = Tool.Run(ifup, "--no-act", "--state-dir", stateDir, "-i", interfaces, name);
            Assert.True(up.ExitCode == 0, up.ToString());
            var commands = up.Stdout + up.Stderr;
            foreach (var line in expected.Where(l => l.StartsWith("up: ", StringComparison.Ordinal)))
            {
                Assert.Contains(line["up: ".Length..], commands, StringComparison.Ordinal);
            }
        }

        // Secondary ENIs come up on hot-plug; the primary's extra stanza must not add an allow-/auto line.
        var hotplug = Tool.Run(ifquery, "--state-dir", stateDir, "-i", interfaces, "--list", "--allow", "hotplug");
        Assert.True(hotplug.ExitCode == 0, hotplug.ToString());
        var listed = hotplug.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        foreach (var file in result.Files)
        {
            var name = Path.GetFileName(file.Path)["eniagent-".Length..];
            Assert.Equal(file.OwnerEniId != "eni-bp1primary0000", listed.Contains(name));
        }
    }
}
