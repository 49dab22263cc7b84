using System.Diagnostics;
using System.Text;

namespace EniAgent.TestKit.Processes;

/// <summary>
/// A child process started with an argument list (never a shell string) whose stdout and stderr are captured while
/// it runs, so a long-running process (a daemon) can be inspected and a short one awaited. Disposing kills it.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _pumps;
    private int _disposed;

    private ChildProcess(Process process)
    {
        _process = process;
        _pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput, _stdout),
            PumpAsync(process.StandardError, _stderr));
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What it wrote to stdout so far.</summary>
    public string StandardOutput => Read(_stdout);

    /// <summary>What it wrote to stderr so far.</summary>
    public string StandardError => Read(_stderr);

    public string CommandLine => _process.StartInfo.FileName + " " + string.Join(' ', _process.StartInfo.ArgumentList);

    /// <summary>Starts <paramref name="program"/>; <paramref name="environment"/> entries set (or, with a null value, remove) variables.</summary>
    public static ChildProcess Start(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        process.StandardInput.Close();
        return new ChildProcess(process);
    }

    /// <summary>Starts the program and waits for it; a hang past <paramref name="timeout"/> kills it and throws.</summary>
    public static async Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        await using var child = Start(program, arguments, environment);
        return await child.WaitForExitAsync(timeout);
    }

    /// <summary>Waits for the exit; past <paramref name="timeout"/> the process is killed and a <see cref="TimeoutException"/> says what it wrote.</summary>
    public async Task<ProcessResult> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{CommandLine} did not exit within {timeout.TotalSeconds} s\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}");
        }

        await _pumps;
        return new ProcessResult(_process.ExitCode, StandardOutput, StandardError);
    }

    /// <summary>Sends SIGTERM (a clean stop) and waits for the exit.</summary>
    public async Task<ProcessResult> TerminateAsync(TimeSpan timeout)
    {
        try
        {
            if (!_process.HasExited)
            {
                ProcessSignal.Send(_process.Id, ProcessSignal.SigTerm);
            }
        }
        catch (InvalidOperationException) when (_process.HasExited)
        {
            // It ended between the check and the signal: nothing left to stop.
        }

        return await WaitForExitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await ProcessEnd.KillAsync(_process, tree: true);
        await _pumps;
        _process.Dispose();
    }

    private void Kill() => ProcessEnd.Kill(_process, tree: true);

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (sink)
            {
                sink.Append(buffer, 0, read);
            }
        }
    }

    private static string Read(StringBuilder sink)
    {
        lock (sink)
        {
            return sink.ToString();
        }
    }
}
