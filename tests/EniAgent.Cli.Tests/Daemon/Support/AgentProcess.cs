using System.Diagnostics;
using System.Text;
using EniAgent.TestKit.Processes;

namespace EniAgent.Cli.Tests.Daemon.Support;

/// <summary>
/// <c>eniagent</c> as a child process inside a network namespace (<c>ip netns exec NS ...</c>, which execs, so the
/// PID is the agent's), built by <see cref="AgentCommand.Build"/>. Unlike TestKit's <see cref="ChildProcess"/> it
/// keeps stderr line by line, so a test can signal the daemon the moment a log line appears
/// (<see cref="SignalOnLogLine"/>) and wait for lines after a given one; it never inherits the notify, watchdog or
/// journal variables of whoever runs the tests.
/// </summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _stderr = [];
    private readonly StringBuilder _stdout = new();
    private (string Text, int Signal)? _signalOnLine;

    private AgentProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> LogLines
    {
        get
        {
            lock (_stderr)
            {
                return [.. _stderr];
            }
        }
    }

    public string Log => string.Join('\n', LogLines);

    public string StandardOutput
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <param name="netns">The namespace to run in.</param>
    /// <param name="arguments">Arguments after the program.</param>
    /// <param name="environment">Extra environment variables.</param>
    /// <param name="program">The agent to run (e.g. under <c>nohup</c>); default <see cref="AgentCommand.Program"/>.</param>
    public static AgentProcess Start(string netns, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? program = null)
    {
        var (file, commandLine) = AgentCommand.Build(arguments, netns, program: program);
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in commandLine)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("NOTIFY_SOCKET");
        info.Environment.Remove("WATCHDOG_USEC");
        info.Environment.Remove("JOURNAL_STREAM");
        info.Environment["DOTNET_EnableDiagnostics"] = "0"; // killed daemons would leave their IPC files in /tmp
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var agent = new AgentProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (agent._stderr)
                {
                    agent._stderr.Add(line);
                    if (agent._signalOnLine is { } trap && line.Contains(trap.Text, StringComparison.Ordinal))
                    {
                        agent._signalOnLine = null;
                        agent.Signal(trap.Signal);
                    }
                }
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (agent._stdout)
                {
                    agent._stdout.AppendLine(line);
                }
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return agent;
    }

    /// <summary>Runs a one-shot command to its end and returns its exit code.</summary>
    public static async Task<(int ExitCode, AgentProcess Process)> RunAsync(string netns, params IReadOnlyList<string> arguments)
    {
        var agent = Start(netns, arguments);
        var code = await agent.WaitForExitAsync();
        return (code, agent);
    }

    /// <summary>Sends <paramref name="signal"/> the moment a log line containing <paramref name="text"/> is read (no polling delay).</summary>
    public void SignalOnLogLine(string text, int signal)
    {
        lock (_stderr)
        {
            if (_stderr.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                Signal(signal);
            }
            else
            {
                _signalOnLine = (text, signal);
            }
        }
    }

    public bool LogContains(string text) => LogLines.Any(l => l.Contains(text, StringComparison.Ordinal));

    public int CountLog(string text) => LogLines.Count(l => l.Contains(text, StringComparison.Ordinal));

    public void Signal(int signal) => ProcessSignal.Send(_process.Id, signal);

    /// <summary>Waits for the exit (bounded) and returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? deadline = null)
    {
        using var timeout = new CancellationTokenSource(deadline ?? Eventually.DefaultDeadline);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"eniagent (pid {_process.Id}) did not exit in time; log:\n{Log}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessEnd.KillAsync(_process, tree: true);
        _process.Dispose();
    }
}
