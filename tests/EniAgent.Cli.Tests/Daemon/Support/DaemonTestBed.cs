using EniAgent.TestKit.Emulator;

namespace EniAgent.Cli.Tests.Daemon.Support;

/// <summary>
/// One daemon test's world: the instance and cloud namespaces, the metadata emulator inside the instance
/// (<c>http://127.0.0.1:8080</c>, a fixed port so a restart keeps the URL), a temp root with the configuration,
/// a notify socket, and the daemon as a child process. Disposing removes all of it, also after a failure.
/// </summary>
internal sealed class DaemonTestBed : IAsyncDisposable
{
    public const string MetadataUrl = "http://127.0.0.1:8080";

    private DaemonTestBed(GuestInstance instance, string root)
    {
        Instance = instance;
        Root = root;
        ConfigPath = Path.Combine(root, "eniagent-test.yaml");
        Notify = NotifyListener.AtPath(Path.Combine(root, "notify.sock"));
    }

    public GuestInstance Instance { get; }

    public string Root { get; }

    public string ConfigPath { get; }

    public NotifyListener Notify { get; private set; }

    public MetadataEmulatorProcess? Emulator { get; private set; }

    public AgentProcess? Daemon { get; private set; }

    /// <summary>The daemon's arguments after <c>daemon</c>/<c>reconcile</c>: root, config and metadata URL.</summary>
    public IReadOnlyList<string> CommonArguments => ["--root", Root, "--config", ConfigPath, "--metadata-url", MetadataUrl];

    /// <param name="scenario">What metadata says at start; null runs no emulator (not on ECS).</param>
    /// <param name="config">eniagent.yaml text.</param>
    /// <param name="secondariesPresent">Secondary ENIs (2, 3, ...) whose links are in the instance before the daemon starts.</param>
    public static async Task<DaemonTestBed> CreateAsync(ScenarioBuilder? scenario, string config = "", int secondariesPresent = 0)
    {
        var root = Directory.CreateTempSubdirectory("eniagent-daemon-test-").FullName;
        GuestInstance? instance = null;
        DaemonTestBed? bed = null;
        try
        {
            instance = GuestInstance.Create();
            bed = new DaemonTestBed(instance, root);
            await File.WriteAllTextAsync(bed.ConfigPath, config);
            var links = Enumerable.Range(2, secondariesPresent).Select(instance.CreateLink).ToList();
            if (links.Count > 0)
            {
                instance.MoveIn(links);
            }

            if (scenario is not null)
            {
                await bed.StartEmulatorAsync(scenario.Build());
            }

            return bed;
        }
        catch
        {
            if (bed is not null)
            {
                await bed.DisposeAsync();
            }
            else
            {
                instance?.Dispose();
                Directory.Delete(root, recursive: true);
            }

            throw;
        }
    }

    public async Task StartEmulatorAsync(string scenarioJson)
    {
        Emulator = await MetadataEmulatorProcess.StartAsync(scenarioJson, MetadataUrl, Instance.Guest.Name);
    }

    public async Task StopEmulatorAsync()
    {
        if (Emulator is { } emulator)
        {
            Emulator = null;
            await emulator.DisposeAsync();
        }
    }

    /// <summary>Uses an abstract notify socket (<c>@name</c>) in the instance's namespace instead of the path one.</summary>
    public void UseAbstractNotifySocket()
    {
        Notify.Dispose();
        Notify = NotifyListener.Abstract(Instance.Guest.Path, "eniagent-test-" + Path.GetFileName(Root));
    }

    /// <summary>
    /// Starts <c>eniagent daemon</c> with <c>$NOTIFY_SOCKET</c>, optional extra environment and program (e.g. under
    /// nohup); with <c>-v</c> (debug log) unless <paramref name="verbose"/> is false (then <c>log-level</c> rules).
    /// </summary>
    public AgentProcess StartDaemon(IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? program = null, bool verbose = true)
    {
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["NOTIFY_SOCKET"] = Notify.Address };
        Daemon = AgentProcess.Start(Instance.Guest.Name, ["daemon", .. CommonArguments, .. verbose ? (string[])["-v"] : []], env, program);
        return Daemon;
    }

    /// <summary>Starts the daemon and waits for READY=1.</summary>
    public async Task<AgentProcess> StartDaemonReadyAsync(IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? program = null, bool verbose = true)
    {
        var daemon = StartDaemon(environment, program, verbose);
        await WaitForAsync(() => Notify.Has("READY=1") || daemon.HasExited, "READY=1");
        Assert.False(daemon.HasExited, "the daemon exited during start:\n" + daemon.Log);
        return daemon;
    }

    /// <summary>Runs <c>eniagent reconcile</c> by hand in the instance.</summary>
    public Task<(int ExitCode, AgentProcess Process)> ReconcileByHandAsync(params string[] extra) =>
        AgentProcess.RunAsync(Instance.Guest.Name, ["reconcile", .. CommonArguments, .. extra]);

    public Task WaitForAsync(Func<bool> condition, string what) => Eventually.Until(condition, what, Describe);

    /// <summary>Waits for a log line containing <paramref name="text"/> at or after line <paramref name="fromLine"/>.</summary>
    public Task WaitForLogAsync(string text, int fromLine = 0) =>
        WaitForAsync(() => Daemon!.LogLines.Skip(fromLine).Any(l => l.Contains(text, StringComparison.Ordinal)), $"log line '{text}'");

    public string Describe()
    {
        var parts = new List<string>();
        if (Daemon is { } daemon)
        {
            parts.Add("daemon log (last 80 lines):\n" + string.Join('\n', daemon.LogLines.TakeLast(80)));
        }

        parts.Add(Notify.Describe());
        try
        {
            parts.Add(Instance.Describe());
        }
        catch (InvalidOperationException e)
        {
            parts.Add("ip failed: " + e.Message);
        }

        return string.Join("\n", parts);
    }

    public async ValueTask DisposeAsync()
    {
        if (Daemon is { } daemon)
        {
            await daemon.DisposeAsync();
        }

        await StopEmulatorAsync();
        Notify.Dispose();
        Instance.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
