using System.ComponentModel;
using System.Runtime.InteropServices;

namespace EniAgent.Platform.Files;

/// <summary>
/// The few libc calls .NET does not expose: opening without .NET's own advisory locking, fsync of a folder,
/// fchmod/fchown on a descriptor, flock and rename. Linux x86-64/arm64 flag values.
/// </summary>
internal static partial class FileSystemNative
{
    public const int ORdOnly = 0x0;
    public const int OWrOnly = 0x1;
    public const int ORdWr = 0x2;
    public const int OCreat = 0x40;
    public const int OExcl = 0x80;
    public const int ONoFollow = 0x20000;
    public const int ODirectory = 0x10000;
    public const int OCloExec = 0x80000;

    public const int LockSh = 1;
    public const int LockEx = 2;
    public const int LockNb = 4;
    public const int LockUn = 8;

    public const int EIntr = 4;
    public const int EWouldBlock = 11;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenRaw(string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int CloseRaw(int fd);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FsyncRaw(int fd);

    [LibraryImport("libc", EntryPoint = "fchmod", SetLastError = true)]
    private static partial int FchmodRaw(int fd, uint mode);

    [LibraryImport("libc", EntryPoint = "fchown", SetLastError = true)]
    private static partial int FchownRaw(int fd, uint uid, uint gid);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int FlockRaw(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameRaw(string oldPath, string newPath);

    /// <summary>open(2), retried on EINTR; throws <see cref="IOException"/> naming the path on failure.</summary>
    public static int Open(string path, int flags, uint mode = 0)
    {
        while (true)
        {
            var fd = OpenRaw(path, flags | OCloExec, mode);
            if (fd >= 0)
            {
                return fd;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno != EIntr)
            {
                throw Failure("open", path, errno);
            }
        }
    }

    public static void Close(int fd) => _ = CloseRaw(fd);

    public static void Fsync(int fd, string pathForErrors) => Check(FsyncRaw(fd), "fsync", pathForErrors);

    public static void Fchmod(int fd, UnixFileMode mode, string pathForErrors) => Check(FchmodRaw(fd, (uint)mode), "fchmod", pathForErrors);

    public static void Fchown(int fd, uint uid, uint gid, string pathForErrors) => Check(FchownRaw(fd, uid, gid), "fchown", pathForErrors);

    public static void Rename(string oldPath, string newPath) => Check(RenameRaw(oldPath, newPath), "rename", $"{oldPath} -> {newPath}");

    /// <summary>flock(2); returns false only for LOCK_NB contention (EWOULDBLOCK), throws on anything else.</summary>
    public static bool Flock(int fd, int operation, string pathForErrors)
    {
        while (true)
        {
            if (FlockRaw(fd, operation) == 0)
            {
                return true;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == EWouldBlock)
            {
                return false;
            }

            if (errno != EIntr)
            {
                throw Failure("flock", pathForErrors, errno);
            }
        }
    }

    /// <summary>fsync of a folder, so a rename or unlink inside it survives a crash.</summary>
    public static void FsyncDirectory(string directory)
    {
        var fd = Open(directory, ORdOnly | ODirectory);
        try
        {
            Fsync(fd, directory);
        }
        finally
        {
            Close(fd);
        }
    }

    /// <summary>The permission bits of a file (guarded so the platform analyzer knows this is Linux-only code).</summary>
    public static UnixFileMode ModeOf(string path) =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException() : File.GetUnixFileMode(path);

    private static void Check(int result, string call, string path)
    {
        if (result != 0)
        {
            throw Failure(call, path, Marshal.GetLastPInvokeError());
        }
    }

    private static IOException Failure(string call, string path, int errno) =>
        new($"{call} {path}: {new Win32Exception(errno).Message} (errno {errno})", errno);
}
