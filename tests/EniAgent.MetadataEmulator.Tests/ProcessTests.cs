using System.Diagnostics;
using System.Globalization;
using System.Net;
using EniAgent.MetadataEmulator.Tests.Support;
using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Netns;
using static EniAgent.MetadataEmulator.Tests.Support.TestScenarios;

namespace EniAgent.MetadataEmulator.Tests;

/// <summary>The emulator as a real child process: command line, stdout contract, signals, --watch, netns.</summary>
public sealed class ProcessTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "eniagent-metadata-emulator.dll");

    [Fact]
    public async Task Launcher_reads_the_listening_line_and_the_emulator_serves_on_that_port()
    {
        await using var emulator = await MetadataEmulatorProcess.StartAsync(Basic());

        Assert.Equal("127.0.0.1", emulator.BaseUri.Host);
        Assert.NotEqual(0, emulator.BaseUri.Port);
        using var client = emulator.CreateClient();
        Assert.Equal($"{PrimaryMac}/\n{SecondaryMac}/", await client.GetStringAsync(MacsPath));
    }

    [Fact]
    public async Task Launcher_control_helpers_drive_the_process()
    {
        await using var emulator = await MetadataEmulatorProcess.StartAsync(ScenarioBuilder.Typical(0).Build());
        using var client = emulator.CreateClient();
        var mac = ScenarioBuilder.Mac(5);

        await emulator.AttachAsync(new EniBuilder(mac, IPAddress.Parse("10.1.0.5"), IPNetwork.Parse("10.1.0.0/24")).ToJson());
        await emulator.AssignIpAsync(mac, IPAddress.Parse("10.1.0.6"));
        Assert.Equal("[\"10.1.0.5\",\"10.1.0.6\"]", await client.GetStringAsync(EniPath("00:16:3e:00:00:05", "private-ipv4s")));
        await emulator.UnassignIpAsync(mac, IPAddress.Parse("10.1.0.6"));
        Assert.Equal("[\"10.1.0.5\"]", await client.GetStringAsync(EniPath("00:16:3e:00:00:05", "private-ipv4s")));
        await emulator.DetachAsync(mac);
        Assert.Equal($"{PrimaryMac}/", await client.GetStringAsync(MacsPath));

        await emulator.SetFaultsAsync(new FaultsBuilder().WithStatusBurst(503, 1).ToJson());
        using (var faulted = await client.GetAsync("/latest/meta-data/"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        }

        await emulator.ReplaceScenarioAsync(ScenarioBuilder.Typical(2).Build());
        Assert.Equal(3, (await client.GetStringAsync(MacsPath)).Split('\n').Length);
        var stats = await emulator.GetStatsAsync();
        Assert.Equal(5, stats.Requests);
        // The request line is logged after the response went out, by the console logger's own thread, and reaches
        // us through a pipe: it may still be on its way.
        await Eventually.ReturnsAsync(() => Task.FromResult(emulator.StandardError), log => log.Contains("GET /latest/meta-data/ -> 503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Prints_exactly_one_stdout_line_and_stops_cleanly_on_sigterm()
    {
        var scenarioPath = Path.Combine(Directory.CreateTempSubdirectory("eniemu-test-").FullName, "scenario.json");
        await File.WriteAllTextAsync(scenarioPath, ScenarioBuilder.Typical(0).Build());
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[Dll, "--scenario", scenarioPath, "--listen", "http://127.0.0.1:0"])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        try
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var first = await process.StandardOutput.ReadLineAsync();
            Assert.NotNull(first);
            Assert.Matches(@"^listening on http://127\.0\.0\.1:[1-9][0-9]*$", first);
            using var client = new HttpClient { BaseAddress = new Uri(first["listening on ".Length..]) };
            Assert.Equal(ScenarioBuilder.Typical(0).Primary!.EniId, await client.GetStringAsync(EniPath(PrimaryMac, "network-interface-id")));

            await Command.RunCheckedAsync("kill", "-TERM", process.Id.ToString(CultureInfo.InvariantCulture));
            var rest = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.Equal(string.Empty, rest);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("GET /latest/meta-data/network/interfaces/macs/00:16:3e:00:00:01/network-interface-id -> 200", await stderr, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            Directory.Delete(Path.GetDirectoryName(scenarioPath)!, recursive: true);
        }
    }

    [Fact]
    public async Task Launcher_terminate_sends_sigterm_and_reports_a_clean_exit()
    {
        await using var emulator = await MetadataEmulatorProcess.StartAsync(ScenarioBuilder.Typical(0).Build());

        Assert.Equal(0, await emulator.TerminateAsync());
    }

    [Fact]
    public async Task Visible_after_delays_a_mac_in_the_real_process()
    {
        var delay = TimeSpan.FromMilliseconds(300);
        var scenario = ScenarioBuilder.Typical(1).ConfigureEni(ScenarioBuilder.Mac(2), eni => eni.WithVisibleAfter(delay)).Build();
        var started = TimeProvider.System.GetTimestamp();
        await using var emulator = await MetadataEmulatorProcess.StartAsync(scenario);
        using var client = emulator.CreateClient();

        await Eventually.ReturnsAsync(() => client.GetStringAsync(MacsPath), body => body.Contains(SecondaryMac, StringComparison.Ordinal));

        Assert.True(TimeProvider.System.GetElapsedTime(started) >= delay);
    }

    [Fact]
    public async Task Watch_reloads_the_scenario_file_and_keeps_the_old_one_when_the_new_file_is_broken()
    {
        var options = new MetadataEmulatorStartOptions(ScenarioBuilder.Typical(0).Build()) { Watch = true };
        await using var emulator = await MetadataEmulatorProcess.StartAsync(options);
        using var client = emulator.CreateClient();

        await emulator.WriteScenarioFileAsync(ScenarioBuilder.Typical(1).WithInstance("i-reloaded", "cn-beijing", "cn-beijing-h", "ecs.g7.large").Build());
        await Eventually.ReturnsAsync(() => client.GetStringAsync("/latest/meta-data/instance-id"), id => id == "i-reloaded");
        Assert.Contains($"{SecondaryMac}/", await client.GetStringAsync(MacsPath), StringComparison.Ordinal);

        await emulator.WriteScenarioFileAsync("{ \"instance\": { \"instance-id\": ");
        await Eventually.ReturnsAsync(() => Task.FromResult(emulator.StandardError), log => log.Contains("not reloaded", StringComparison.Ordinal));
        Assert.Equal("i-reloaded", await client.GetStringAsync("/latest/meta-data/instance-id"));

        // Overwriting in place (not by rename) is picked up too.
        await File.WriteAllTextAsync(emulator.ScenarioPath, ScenarioBuilder.Typical(0).WithInstance("i-in-place", "cn-beijing", "cn-beijing-h", "ecs.g7.large").Build());
        await Eventually.ReturnsAsync(() => client.GetStringAsync("/latest/meta-data/instance-id"), id => id == "i-in-place");
    }

    [Theory]
    [InlineData(new string[0], "--scenario FILE is required")]
    [InlineData(new[] { "--scenario" }, "--scenario needs a value")]
    [InlineData(new[] { "--scenario", "x.json", "--bogus" }, "unknown argument")]
    [InlineData(new[] { "--scenario", "x.json", "--listen", "http://localhost:80" }, "http://IP:PORT")]
    [InlineData(new[] { "--scenario", "x.json", "--listen", "https://127.0.0.1:80" }, "http://IP:PORT")]
    [InlineData(new[] { "--scenario", "/nonexistent/scenario.json" }, "cannot load the scenario")]
    public async Task Bad_command_lines_exit_2_with_a_reason(string[] arguments, string expected)
    {
        var result = await Command.RunAsync("dotnet", [Dll, .. arguments]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task An_invalid_scenario_file_fails_the_start_with_the_json_path_in_the_error()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => MetadataEmulatorProcess.StartAsync("{ \"enis\": [ { \"mac\": \"00:16:3e:00:00:01\", \"items\": { \"gateway\": 1 } } ] }"));

        Assert.Contains("$.enis[0].items.gateway", error.Message, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task Serves_on_100_100_100_200_port_80_inside_a_network_namespace()
    {
        using var netns = NetworkNamespace.Create("eniemu");
        netns.Ip("addr", "add", "100.100.100.200/32", "dev", "lo");

        await using var emulator = await MetadataEmulatorProcess.StartAsync(Basic(), "http://100.100.100.200:80", netns.Name);

        Assert.Equal(new Uri("http://100.100.100.200/"), emulator.BaseUri);
        var curl = await Command.RunCheckedAsync(
            "ip", "netns", "exec", netns.Name, "curl", "-sS", "--max-time", "30", "http://100.100.100.200/latest/meta-data/network/interfaces/macs/");
        Assert.Equal($"{PrimaryMac}/\n{SecondaryMac}/", curl.StandardOutput);

        // The launcher's own client and control helpers connect from a socket created inside the namespace.
        using var client = emulator.CreateClient();
        await emulator.AssignIpAsync(SecondaryMac, "192.168.2.40");
        Assert.Contains("192.168.2.40", await client.GetStringAsync(EniPath(SecondaryMac, "private-ipv4s")), StringComparison.Ordinal);
        Assert.Equal(2, (await emulator.GetStatsAsync()).Requests);
    }
}
