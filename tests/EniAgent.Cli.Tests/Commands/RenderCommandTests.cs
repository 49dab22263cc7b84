using EniAgent.Cli.Tests.Output;
using EniAgent.Cli.Tests.Persistence;
using EniAgent.Rendering;
using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Processes;

namespace EniAgent.Cli.Tests.Commands;

/// <summary><c>eniagent render</c> into image roots: no kernel, no network, nothing outside the temp root.</summary>
public sealed class RenderCommandTests
{
    private const string Ens6 = "00:16:3e:00:00:02=ens6";

    [Theory]
    [InlineData("ubuntu22.04", "netplan")]
    [InlineData("rocky8", "ifcfg")]
    [InlineData("sles15", "wicked")]
    [InlineData("debian11", "ifupdown")]
    [InlineData("rhel9", "networkmanager")]
    public async Task Renders_the_images_format_with_the_given_interface_names_and_again_identically(string stack, string renderer)
    {
        var image = ImageRoot.All[stack];
        using var root = image.Create();
        var metadata = MetadataFile(root, Outcomes.Scenario());
        var imageFiles = root.Files();

        var first = await AgentCommand.RunAsync("render", "--root", root.Path, "--metadata-file", metadata, "--interface", Ens6);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith($"renderer: {renderer}\n", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"  decision: {renderer}: ", first.StandardOutput, StringComparison.Ordinal);
        string[] expected = [.. image.Files("ens6"), .. image.Files("eth1")]; // Mac(3) takes the first default name
        Assert.All(expected, p => Assert.Contains($"create {root.Resolve(p)}: created\n", first.StandardOutput, StringComparison.Ordinal));
        Assert.All(expected, p => Assert.True(OwnershipHeader.IsOwned(root.Read(p)), p));
        Assert.Equal(
            expected.Order(StringComparer.Ordinal),
            root.Files().Keys.Except(imageFiles.Keys).Where(p => !p.StartsWith("/var/lib/eniagent/", StringComparison.Ordinal)));
        Assert.Equal(string.Empty, first.StandardError);
        var rendered = root.Files();

        var second = await AgentCommand.RunAsync("render", "--root", root.Path, "--metadata-file", metadata, "--interface", Ens6);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.All(expected, p => Assert.Contains($"unchanged {root.Resolve(p)}: up to date\n", second.StandardOutput, StringComparison.Ordinal));
        Assert.Equal(rendered, root.Files());
        Assert.All(imageFiles, f => Assert.Equal(f.Value, root.Read(f.Key)));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Secret_bearing_formats_are_written_0600()
    {
        using var rhel = ImageRoot.All["rhel9"].Create();
        using var ubuntu = ImageRoot.All["ubuntu22.04"].Create();

        Assert.Equal(0, (await AgentCommand.RunAsync("render", "--root", rhel.Path, "--metadata-file", MetadataFile(rhel, Outcomes.Scenario(1)))).ExitCode);
        Assert.Equal(0, (await AgentCommand.RunAsync("render", "--root", ubuntu.Path, "--metadata-file", MetadataFile(ubuntu, Outcomes.Scenario(1)))).ExitCode);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(rhel.Resolve("/etc/NetworkManager/system-connections/eniagent-eth1.nmconnection")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ubuntu.Resolve("/etc/netplan/90-eniagent-eth1.yaml")));
    }

    [Fact]
    public async Task The_renderer_option_overrides_detection_and_replaces_the_files_of_the_previous_format()
    {
        using var root = ImageRoot.All["ubuntu22.04"].Create();
        var metadata = MetadataFile(root, Outcomes.Scenario(1));
        Assert.Equal(0, (await AgentCommand.RunAsync("render", "--root", root.Path, "--metadata-file", metadata)).ExitCode);

        var result = await AgentCommand.RunAsync("render", "--root", root.Path, "--metadata-file", metadata, "--renderer", "NetworkD");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("renderer: networkd\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"create {root.Resolve("/etc/systemd/network/10-eniagent-eth1.network")}: created\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"delete {root.Resolve("/etc/netplan/90-eniagent-eth1.yaml")}: deleted\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.False(root.Exists("/etc/netplan/90-eniagent-eth1.yaml"));
        Assert.True(root.Exists("/etc/netplan/50-cloud-init.yaml"));
    }

    [Fact]
    public async Task An_os_release_file_can_stand_in_for_the_roots_own()
    {
        using var root = new TempRoot();
        var osRelease = Path.Combine(root.Path, "sles-os-release");
        await File.WriteAllTextAsync(osRelease, ImageRoot.All["sles15"].OsRelease);

        var result = await AgentCommand.RunAsync("render", "--root", root.Path, "--metadata-file", MetadataFile(root, Outcomes.Scenario(1)), "--os-release", osRelease, "--renderer", "Auto");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("renderer: wicked\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(root.Exists("/etc/sysconfig/network/ifcfg-eth1"));
    }

    [Fact]
    public async Task A_default_name_never_repeats_one_given_explicitly()
    {
        using var root = ImageRoot.All["debian11"].Create();

        var result = await AgentCommand.RunAsync("render", "--root", root.Path, "--metadata-file", MetadataFile(root, Outcomes.Scenario()), "--interface", "00:16:3e:00:00:03=eth1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ENI eni-emu00163e000003", root.Read("/etc/network/interfaces.d/eniagent-eth1"), StringComparison.Ordinal);
        Assert.Contains("ENI eni-emu00163e000002", root.Read("/etc/network/interfaces.d/eniagent-eth2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_file_in_the_way_or_an_invalid_eni_exits_1_and_renders_the_rest()
    {
        using var root = ImageRoot.All["rocky8"].Create().Write("/etc/sysconfig/network-scripts/ifcfg-eth1", "DEVICE=eth1\n");
        var scenario = Outcomes.Scenario(3).ConfigureEni(ScenarioBuilder.Mac(4), e => e.WithItem("gateway", "`reboot`"));

        var result = await AgentCommand.RunAsync("render", "--root", root.Path, "--metadata-file", MetadataFile(root, scenario));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(
            $"conflict {root.Resolve("/etc/sysconfig/network-scripts/ifcfg-eth1")}: exists and was not written by eniagent; left alone (adopt to take it over)\n",
            result.StandardOutput,
            StringComparison.Ordinal);
        Assert.Equal("DEVICE=eth1\n", root.Read("/etc/sysconfig/network-scripts/ifcfg-eth1"));
        Assert.True(OwnershipHeader.IsOwned(root.Read("/etc/sysconfig/network-scripts/ifcfg-eth2")));
        Assert.False(root.Exists("/etc/sysconfig/network-scripts/ifcfg-eth3"));
    }

    [Fact]
    public async Task A_metadata_file_that_is_not_metadata_exits_69()
    {
        using var root = ImageRoot.All["rocky8"].Create().Write("/all.json", "{\"instance-id\": \"i-1\"}");

        var result = await AgentCommand.RunAsync("render", "--root", root.Path, "--metadata-file", root.Resolve("/all.json"));

        Assert.True(result.ExitCode == 69, result.ToString());
        Assert.StartsWith("eniagent: metadata unusable, nothing changed: ", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root.Resolve("/var")));
    }

    /// <summary>The scenario as a meta-data/all document in the temp root (outside the image's /etc).</summary>
    internal static string MetadataFile(TempRoot root, ScenarioBuilder scenario)
    {
        root.Write("/metadata-all.json", AllDocument.From(scenario));
        return root.Resolve("/metadata-all.json");
    }
}
