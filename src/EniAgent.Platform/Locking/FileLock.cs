using System.Globalization;
using System.Text;
using EniAgent.Platform.Files;
using Microsoft.Win32.SafeHandles;

namespace EniAgent.Platform.Locking;

/// <summary>
/// An exclusive <c>flock(2)</c> on a lock file (<c>/run/eniagent/lock</c>), so only one eniagent changes the
/// network at a time. flock belongs to the open file description: it is released when the process dies, and two
/// opens in one process contend like two processes. The holder writes its PID into the file so a waiter can say
/// who it waits for. The file is opened with open(2) directly because .NET's FileStream takes its own flock.
/// </summary>
public sealed class FileLock : IDisposable
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly SafeFileHandle _handle;
    private readonly int _fd;

    private FileLock(string path, int fd)
    {
        LockPath = path;
        _fd = fd;
        _handle = new SafeFileHandle(fd, ownsHandle: true);
    }

    public string LockPath { get; }

    /// <summary>One non-blocking attempt; null when someone else holds the lock.</summary>
    public static FileLock? TryAcquire(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var fd = FileSystemNative.Open(path, FileSystemNative.ORdWr | FileSystemNative.OCreat | FileSystemNative.ONoFollow, 0x1A4 /* 0644 */);
        var locked = false;
        try
        {
            locked = FileSystemNative.Flock(fd, FileSystemNative.LockEx | FileSystemNative.LockNb, path);
            if (!locked)
            {
                return null;
            }

            var held = new FileLock(path, fd);
            held.WritePid();
            return held;
        }
        finally
        {
            if (!locked)
            {
                FileSystemNative.Close(fd);
            }
        }
    }

    /// <summary>
    /// Waits for the lock, polling with LOCK_NB every <paramref name="pollInterval"/> on <paramref name="time"/>
    /// (so tests drive it with a fake clock), until <paramref name="timeout"/> has passed or cancellation.
    /// </summary>
    /// <exception cref="LockTimeoutException">Still held by someone else when the timeout passed.</exception>
    public static async Task<FileLock> AcquireAsync(string path, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken, TimeSpan? pollInterval = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        var interval = pollInterval ?? DefaultPollInterval;
        var started = time.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryAcquire(path) is { } held)
            {
                return held;
            }

            var waited = time.GetElapsedTime(started);
            if (waited >= timeout)
            {
                throw new LockTimeoutException(path, waited, ReadHolder(path));
            }

            var remaining = timeout - waited;
            await Task.Delay(remaining < interval ? remaining : interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The PID the current holder wrote, if any, with its process name from /proc.</summary>
    public static LockHolder? ReadHolder(string path)
    {
        try
        {
            var fd = FileSystemNative.Open(path, FileSystemNative.ORdOnly | FileSystemNative.ONoFollow);
            using var handle = new SafeFileHandle(fd, ownsHandle: true);
            var buffer = new byte[32];
            var length = RandomAccess.Read(handle, buffer, 0);
            var text = Encoding.ASCII.GetString(buffer, 0, length).Trim();
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid <= 0)
            {
                return null;
            }

            string? name = null;
            try
            {
                name = File.ReadAllText($"/proc/{pid}/comm").Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone, or another PID namespace: the PID alone still helps.
            }

            return new LockHolder(pid, name);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (_handle.IsClosed)
        {
            return;
        }

        // Closing the descriptor releases the lock; unlocking first makes the release explicit and immediate.
        _ = FileSystemNative.Flock(_fd, FileSystemNative.LockUn, LockPath);
        _handle.Dispose();
    }

    private void WritePid()
    {
        var text = Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        try
        {
            RandomAccess.SetLength(_handle, 0);
            RandomAccess.Write(_handle, text, 0);
        }
        catch (IOException)
        {
            // The PID is only a courtesy to waiters; a full /run must not turn a held lock into a failure.
        }
    }
}
