using System.Diagnostics;
using System.Text;
using EniAgent.Platform.DBus;
using EniAgent.TestKit.Netns;
using EniAgent.TestKit.Processes;

namespace EniAgent.TestKit.Stacks;

/// <summary>
/// A network daemon (networkd, NetworkManager) running in a test's network namespace and in a private mount
/// namespace of its own (<c>ip netns exec NS unshare --mount --propagation private</c>), where a fixed setup script
/// mounts tmpfs or the test root's folders over every path it writes, then execs the daemon (so the process id is
/// the daemon's). Arguments reach the script as $1.. (never spliced into it). Killed on dispose, by its id.
/// </summary>
public sealed class StackDaemon : IDisposable
{
    private const int MaxOutput = 512 * 1024;

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private StackDaemon(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the daemon logged so far (use it in failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static StackDaemon Start(string name, NetworkNamespace ns, string script, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(ns);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var info = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "netns", "exec", ns.Name, RequiredTool.Unshare, "--mount", "--propagation", "private", "/bin/sh", "-c", script, name }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var daemon = new StackDaemon(name, process);
        process.OutputDataReceived += (_, e) => daemon.Append(e.Data);
        process.ErrorDataReceived += (_, e) => daemon.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return daemon;
    }

    /// <summary>Waits until the daemon owns <paramref name="busName"/> on <paramref name="bus"/>; fails the test if it dies first.</summary>
    public async Task WaitForBusNameAsync(PrivateSystemBus bus, string busName)
    {
        ArgumentNullException.ThrowIfNull(bus);
        using var client = await BusClient.ConnectAsync(bus.Address, TimeProvider.System, CancellationToken.None);
        await Eventually.HoldsAsync(
            async () => HasExited ? throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}") : await client.NameHasOwnerAsync(busName, CancellationToken.None),
            () => Task.FromResult($"{Name} never took {busName}:\n{Output}"));
    }

    public void Dispose()
    {
        ProcessEnd.Kill(_process, wait: TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < MaxOutput)
            {
                _output.AppendLine(line);
            }
        }
    }
}
