using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Text;
using EniAgent.Core;
using EniAgent.TestKit.Processes;

namespace EniAgent.TestKit.Emulator;

/// <summary>
/// The metadata emulator (src/EniAgent.MetadataEmulator) as a child process serving real HTTP, plus typed helpers for
/// its <c>/_emulator/</c> control API. Dispose it (await using) to kill it and remove its scenario file.
/// </summary>
public sealed class MetadataEmulatorProcess : IAsyncDisposable
{
    /// <summary>Overrides where the emulator dll is looked for (default: next to the test assemblies).</summary>
    public const string DllPathVariable = EmulatorCommandLine.DllPathVariable;

    private const int MaxCapturedStderr = 256 * 1024;

    private readonly Process _process;
    private readonly string _tempDirectory;
    private readonly StringBuilder _stderr;
    private readonly HttpClient _control;
    private int _disposed;

    private MetadataEmulatorProcess(Process process, string tempDirectory, StringBuilder stderr, Uri baseUri, string? netns, string scenarioPath)
    {
        _process = process;
        _tempDirectory = tempDirectory;
        _stderr = stderr;
        BaseUri = baseUri;
        Netns = netns;
        ScenarioPath = scenarioPath;
        _control = CreateClient();
        Control = new EmulatorControl(_control);
    }

    /// <summary>The address the emulator answers on, e.g. <c>http://127.0.0.1:41234/</c> (the real port).</summary>
    public Uri BaseUri { get; }

    /// <summary>The network namespace it runs in, or null; <see cref="CreateClient"/> connects from inside it.</summary>
    public string? Netns { get; }

    /// <summary>The scenario file it was started with; rewrite it (<see cref="WriteScenarioFileAsync"/>) when started with Watch.</summary>
    public string ScenarioPath { get; }

    /// <summary>The process id (of <c>dotnet</c>; <c>ip netns exec</c> replaces itself with it).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The typed control API; the helpers below forward to it.</summary>
    public EmulatorControl Control { get; }

    /// <summary>What the emulator logged so far (its request log; use it in assertion messages).</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static Task<MetadataEmulatorProcess> StartAsync(string scenarioJson, string listen = "http://127.0.0.1:0", string? netns = null) =>
        StartAsync(new MetadataEmulatorStartOptions(scenarioJson) { Listen = listen, Netns = netns });

    public static async Task<MetadataEmulatorProcess> StartAsync(MetadataEmulatorStartOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dll = EmulatorCommandLine.FindEmulatorDll();
        var tempDirectory = Directory.CreateTempSubdirectory("eniagent-emulator-").FullName;
        var scenarioPath = Path.Combine(tempDirectory, "scenario.json");
        await File.WriteAllTextAsync(scenarioPath, options.ScenarioJson);

        var stderr = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = EmulatorCommandLine.BuildStartInfo(dll, scenarioPath, options), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            const string prefix = "listening on ";
            if (e.Data is { } line && line.StartsWith(prefix, StringComparison.Ordinal))
            {
                listening.TrySetResult(new Uri(line[prefix.Length..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("the emulator exited before listening"));

        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Directory.Delete(tempDirectory, recursive: true);
            process.Dispose();
            throw new InvalidOperationException($"cannot start {process.StartInfo.FileName} for the metadata emulator ({dll}): {ex.Message}", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var baseUri = await listening.Task.WaitAsync(options.StartTimeout);
            return new MetadataEmulatorProcess(process, tempDirectory, stderr, baseUri, options.Netns, scenarioPath);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            await ProcessEnd.KillAsync(process, tree: true);
            var exit = process.HasExited ? $"exit code {process.ExitCode}" : "still running";
            string log;
            lock (stderr)
            {
                log = stderr.ToString();
            }

            process.Dispose();
            Directory.Delete(tempDirectory, recursive: true);
            var reason = ex is TimeoutException ? $"no 'listening on' line within {options.StartTimeout}" : ex.Message;
            throw new InvalidOperationException(
                $"metadata emulator ({dll}, listen {options.Listen}, netns {options.Netns ?? "none"}) did not start: {reason} ({exit}). stderr:\n{log}", ex);
        }
    }

    /// <summary>An HTTP client for <see cref="BaseUri"/>; it connects from inside <see cref="Netns"/> when there is one.</summary>
    public HttpClient CreateClient() => new(CreateHandler()) { BaseAddress = BaseUri };

    /// <summary>A handler that reaches <see cref="BaseUri"/> (for clients that build their own HttpClient).</summary>
    public SocketsHttpHandler CreateHandler() => NetworkNamespaceSockets.CreateHttpHandler(Netns);

    public Task AttachAsync(string eniJson) => Control.AttachAsync(eniJson);

    public Task DetachAsync(string mac) => Control.DetachAsync(mac);

    public Task DetachAsync(PhysicalAddress mac) => Control.DetachAsync(MacAddress.Format(mac));

    public Task AssignIpAsync(string mac, string ip) => Control.AssignIpAsync(mac, ip);

    public Task AssignIpAsync(PhysicalAddress mac, IPAddress ip) => AssignIpAsync(MacAddress.Format(mac), ip?.ToString()!);

    public Task UnassignIpAsync(string mac, string ip) => Control.UnassignIpAsync(mac, ip);

    public Task UnassignIpAsync(PhysicalAddress mac, IPAddress ip) => UnassignIpAsync(MacAddress.Format(mac), ip?.ToString()!);

    public Task SetFaultsAsync(string faultsJson) => Control.SetFaultsAsync(faultsJson);

    public Task ReplaceScenarioAsync(string scenarioJson) => Control.ReplaceScenarioAsync(scenarioJson);

    public Task<EmulatorStats> GetStatsAsync() => Control.GetStatsAsync();

    public Task ResetStatsAsync() => Control.ResetStatsAsync();

    /// <summary>Replaces the scenario file atomically (write + rename), as an editor or config tool would.</summary>
    public async Task WriteScenarioFileAsync(string scenarioJson)
    {
        var temporary = ScenarioPath + ".new";
        await File.WriteAllTextAsync(temporary, scenarioJson);
        File.Move(temporary, ScenarioPath, overwrite: true);
    }

    /// <summary>Sends SIGTERM and waits for the exit; returns the exit code (0 is a clean stop).</summary>
    public async Task<int> TerminateAsync(CancellationToken cancellationToken = default)
    {
        if (!_process.HasExited)
        {
            ProcessSignal.Send(_process.Id, ProcessSignal.SigTerm);
        }

        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _control.Dispose();
        await ProcessEnd.KillAsync(_process, tree: true);
        _process.Dispose();
        try
        {
            Directory.Delete(_tempDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static void Append(StringBuilder stderr, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (stderr)
        {
            if (stderr.Length > MaxCapturedStderr)
            {
                stderr.Remove(0, stderr.Length - (MaxCapturedStderr / 2));
            }

            stderr.AppendLine(line);
        }
    }
}
