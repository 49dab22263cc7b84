using System.Diagnostics;
using EniAgent.Platform.Locking;
using EniAgent.Platform.Tests.Files;
using Microsoft.Extensions.Time.Testing;

namespace EniAgent.Platform.Tests.Locking;

public class FileLockTests
{
    [Fact]
    public void Two_opens_in_one_process_contend()
    {
        using var root = new TempRoot();
        var path = root.Paths.LockFile;
        using (var first = FileLock.TryAcquire(path))
        {
            Assert.NotNull(first);
            Assert.Null(FileLock.TryAcquire(path));
        }

        using var again = FileLock.TryAcquire(path);
        Assert.NotNull(again);
    }

    [Fact]
    public void Holder_writes_its_pid_and_waiters_can_read_it()
    {
        using var root = new TempRoot();
        using var held = FileLock.TryAcquire(root.Paths.LockFile);
        var holder = FileLock.ReadHolder(root.Paths.LockFile);
        Assert.NotNull(holder);
        Assert.Equal(Environment.ProcessId, holder.Pid);
        Assert.False(string.IsNullOrEmpty(holder.ProcessName));
    }

    [Fact]
    public async Task Waiting_times_out_on_the_given_clock_and_names_the_holder()
    {
        using var root = new TempRoot();
        var time = new FakeTimeProvider();
        using var held = FileLock.TryAcquire(root.Paths.LockFile);

        var waiting = FileLock.AcquireAsync(root.Paths.LockFile, TimeSpan.FromSeconds(5), time, CancellationToken.None);
        while (!waiting.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        var ex = await Assert.ThrowsAsync<LockTimeoutException>(() => waiting);
        Assert.Equal(root.Paths.LockFile, ex.LockPath);
        Assert.Equal(Environment.ProcessId, ex.Holder?.Pid);
        Assert.True(ex.Waited >= TimeSpan.FromSeconds(5));
        Assert.Contains($"held by PID {Environment.ProcessId}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiter_gets_the_lock_once_it_is_released()
    {
        using var root = new TempRoot();
        var time = new FakeTimeProvider();
        var held = FileLock.TryAcquire(root.Paths.LockFile)!;

        var waiting = FileLock.AcquireAsync(root.Paths.LockFile, TimeSpan.FromMinutes(1), time, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted);
        held.Dispose();
        while (!waiting.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        using var acquired = await waiting;
        Assert.Null(FileLock.TryAcquire(root.Paths.LockFile));
    }

    [Fact]
    public async Task Waiting_can_be_cancelled()
    {
        using var root = new TempRoot();
        using var held = FileLock.TryAcquire(root.Paths.LockFile);
        using var cts = new CancellationTokenSource();
        var waiting = FileLock.AcquireAsync(root.Paths.LockFile, TimeSpan.FromDays(1), new FakeTimeProvider(), cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Free_lock_is_taken_at_once_even_with_zero_timeout()
    {
        using var root = new TempRoot();
        using var held = await FileLock.AcquireAsync(root.Paths.LockFile, TimeSpan.Zero, new FakeTimeProvider(), CancellationToken.None);
        Assert.Equal(root.Paths.LockFile, held.LockPath);
    }

    [Fact]
    public async Task Contends_with_another_process()
    {
        using var root = new TempRoot();
        var path = root.Paths.LockFile;
        Directory.CreateDirectory(root.Paths.RunDir);

        // util-linux flock(1) holds the lock until its stdin closes.
        using var other = Process.Start(new ProcessStartInfo("flock", ["-x", path, "-c", "echo held; read _"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        Assert.Equal("held", await other.StandardOutput.ReadLineAsync());
        Assert.Null(FileLock.TryAcquire(path));

        other.StandardInput.Close();
        await other.WaitForExitAsync();
        using var mine = FileLock.TryAcquire(path);
        Assert.NotNull(mine);

        // And the other way round: while we hold it, flock -n fails (exit 1).
        using var probe = Process.Start(new ProcessStartInfo("flock", ["-n", path, "true"]))!;
        await probe.WaitForExitAsync();
        Assert.Equal(1, probe.ExitCode);
    }

    [Fact]
    public void Lock_is_released_when_the_holder_process_dies()
    {
        using var root = new TempRoot();
        var path = root.Paths.LockFile;
        Directory.CreateDirectory(root.Paths.RunDir);
        // -o: the command does not inherit the lock, so only flock(1) itself holds it.
        using var other = Process.Start(new ProcessStartInfo("flock", ["-o", "-x", path, "-c", "echo held; exec sleep 600"]) { RedirectStandardOutput = true })!;
        Assert.Equal("held", other.StandardOutput.ReadLine());
        Assert.Null(FileLock.TryAcquire(path));

        other.Kill(entireProcessTree: true);
        other.WaitForExit();
        using var mine = FileLock.TryAcquire(path);
        Assert.NotNull(mine);
    }
}
