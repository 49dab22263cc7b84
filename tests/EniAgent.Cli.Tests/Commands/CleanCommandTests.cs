using EniAgent.Core.State;
using EniAgent.Platform.Files;
using EniAgent.Platform.State;
using EniAgent.Rendering;
using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Netns;

namespace EniAgent.Cli.Tests.Commands;

/// <summary><c>eniagent clean</c> in a namespace of its own (it reads the kernel; it needs no metadata).</summary>
public sealed class CleanCommandTests
{
    [RootFact]
    public async Task In_an_empty_namespace_there_is_nothing_to_remove()
    {
        await using var instance = await Instance.StartAsync(null);

        var result = await instance.RunAsync("clean", "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("nothing to remove\n", result.StandardOutput);
        Assert.Equal(string.Empty, result.StandardError);
    }

    [RootFact]
    public async Task Removes_only_files_carrying_our_header_and_the_state()
    {
        await using var instance = await Instance.StartAsync(null);
        var ours = OwnershipHeader.ForEni("eni-gone0000000001", ScenarioBuilder.Mac(9)) + "\n";
        instance.Root
            .Write("/etc/netplan/90-eniagent-eth9.yaml", ours + "network: {version: 2}\n")
            .Write("/etc/netplan/90-eniagent-mine.yaml", "# written by the administrator\n")
            .Write("/etc/netplan/50-cloud-init.yaml", "network: {version: 2}\n")
            .Write("/etc/sysconfig/network-scripts/ifcfg-eth9", ours + "DEVICE=eth9\n")
            .Write("/etc/sysconfig/network-scripts/ifcfg-eth8", "DEVICE=eth8\n");

        // Fixed names (ifcfg-*) are found through the state; branded names also by looking.
        new JsonStateStore(instance.Root.Paths, new AtomicFileWriter(), TimeProvider.System)
            .Save(AgentState.Empty.WithFiles(["/etc/sysconfig/network-scripts/ifcfg-eth9", "/etc/sysconfig/network-scripts/ifcfg-eth8"]));
        var before = instance.Root.Files();

        var dryRun = await instance.RunAsync("clean", "--dry-run");

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Equal(
            "- file /etc/netplan/90-eniagent-eth9.yaml\n- file /etc/sysconfig/network-scripts/ifcfg-eth9\n2 object(s) would be removed\n",
            dryRun.StandardOutput);
        Assert.Equal(before, instance.Root.Files());

        var clean = await instance.RunAsync("clean");

        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Equal(
            "- file /etc/netplan/90-eniagent-eth9.yaml\n- file /etc/sysconfig/network-scripts/ifcfg-eth9\n" +
            $"- state {instance.Root.Resolve("/var/lib/eniagent/state.json")}\n2 object(s) removed\n",
            clean.StandardOutput);
        Assert.Equal(
            ["/etc/netplan/50-cloud-init.yaml", "/etc/netplan/90-eniagent-mine.yaml", "/etc/sysconfig/network-scripts/ifcfg-eth8"],
            instance.Root.Files().Keys.Where(p => !p.StartsWith("/run/", StringComparison.Ordinal)));
        Assert.Equal("nothing to remove\n", (await instance.RunAsync("clean")).StandardOutput);
    }
}
