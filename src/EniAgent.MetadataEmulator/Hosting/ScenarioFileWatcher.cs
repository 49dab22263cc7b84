using System.Threading.Channels;
using EniAgent.MetadataEmulator.Http;
using EniAgent.MetadataEmulator.Runtime;
using EniAgent.MetadataEmulator.Scenarios;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EniAgent.MetadataEmulator.Hosting;

/// <summary>
/// <c>--watch</c>: reloads the scenario file when its content changes. inotify gives the prompt signal; a slow poll
/// catches what inotify can miss (editors replacing the directory entry, bind mounts). A half-written or invalid
/// file is logged and the previous scenario stays in force until the next change.
/// </summary>
internal sealed class ScenarioFileWatcher(
    string path,
    string loadedText,
    EmulatorState state,
    TimeProvider time,
    ILogger<ScenarioFileWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private string _lastText = loadedText;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var directory = Path.GetDirectoryName(path) ?? ".";
        using var watcher = new FileSystemWatcher(directory, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += (_, _) => Signal();
        watcher.Created += (_, _) => Signal();
        watcher.Renamed += (_, _) => Signal();
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch (IOException ex)
        {
            // Typically the per-user inotify instance limit when many emulators run at once: polling still works.
            Log.WatchDegraded(logger, path, ex.Message);
        }

        using var poll = new PeriodicTimer(PollInterval, time);
        var polling = PollAsync(poll, stoppingToken);
        try
        {
            while (await _signals.Reader.WaitToReadAsync(stoppingToken))
            {
                _signals.Reader.TryRead(out _);
                await Task.Delay(Debounce, time, stoppingToken);
                await ReloadIfChangedAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await polling;
    }

    private async Task PollAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Signal();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Signal() => _signals.Writer.TryWrite(true);

    private async Task ReloadIfChangedAsync(CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.ScenarioReloadFailed(logger, path, ex.Message);
            return;
        }

        if (text == _lastText)
        {
            return;
        }

        try
        {
            state.ReplaceScenario(ScenarioParser.ParseScenario(text));
            _lastText = text;
            Log.ScenarioReloaded(logger, path);
        }
        catch (ScenarioException ex)
        {
            // Remember the bad text too, so each broken version is reported once rather than on every poll.
            _lastText = text;
            Log.ScenarioReloadFailed(logger, path, ex.Message);
        }
    }
}
