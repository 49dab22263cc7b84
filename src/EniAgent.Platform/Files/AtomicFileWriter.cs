using Microsoft.Win32.SafeHandles;

namespace EniAgent.Platform.Files;

/// <summary>
/// Replaces a file so that readers and a crash see either the old or the new content, never a mix: a temp file
/// in the same folder is written, fsynced and given its final mode and owner, renamed over the target, and the
/// folder is fsynced. Identical content is left untouched, so network stacks watching the folder see no change.
/// The temp file is hidden (".name.eniagent-tmp-..."): the network stacks' globs (ifcfg-*, *.yaml, *.network,
/// interfaces.d/*) skip dotfiles, so one left behind by a crash is never read as configuration.
/// </summary>
public sealed class AtomicFileWriter
{
    public const string TempMarker = ".eniagent-tmp-";

    public FileWriteOutcome Write(string path, string content, UnixFileMode mode, FileOwner? owner = null) =>
        Write(path, System.Text.Encoding.UTF8.GetBytes(content), mode, owner);

    public FileWriteOutcome Write(string path, ReadOnlySpan<byte> content, UnixFileMode mode, FileOwner? owner = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);

        var existed = File.Exists(full) && !IsSymlink(full);
        if (existed && content.SequenceEqual(File.ReadAllBytes(full)))
        {
            return FixMetadata(full, mode, owner) ? FileWriteOutcome.MetadataChanged : FileWriteOutcome.Unchanged;
        }

        // O_EXCL|O_NOFOLLOW make the name's unpredictability a nicety, not a defence; Guid draws from the kernel,
        // whereas RandomNumberGenerator would load OpenSSL (~3.7 MB of RSS) into the daemon for this alone.
        var temp = Path.Combine(directory, "." + Path.GetFileName(full) + TempMarker + Guid.NewGuid().ToString("N")[..12]);
        var fd = FileSystemNative.Open(temp, FileSystemNative.OWrOnly | FileSystemNative.OCreat | FileSystemNative.OExcl | FileSystemNative.ONoFollow, 0x180 /* 0600 until complete */);
        var renamed = false;
        try
        {
            using (var handle = new SafeFileHandle(fd, ownsHandle: true))
            {
                RandomAccess.Write(handle, content, 0);
                FileSystemNative.Fchmod(fd, mode, temp);
                if (owner is { } o)
                {
                    FileSystemNative.Fchown(fd, o.Uid, o.Gid, temp);
                }

                FileSystemNative.Fsync(fd, temp);
            }

            FileSystemNative.Rename(temp, full);
            renamed = true;
            FileSystemNative.FsyncDirectory(directory);
        }
        finally
        {
            if (!renamed)
            {
                File.Delete(temp);
            }
        }

        return existed ? FileWriteOutcome.Updated : FileWriteOutcome.Created;
    }

    /// <summary>Removes a file and makes the removal durable; false when it was already gone.</summary>
    public static bool Delete(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full) && !IsSymlink(full))
        {
            return false;
        }

        File.Delete(full);
        FileSystemNative.FsyncDirectory(Path.GetDirectoryName(full)!);
        return true;
    }

    private static bool IsSymlink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool FixMetadata(string path, UnixFileMode mode, FileOwner? owner)
    {
        var changed = false;
        var fd = FileSystemNative.Open(path, FileSystemNative.ORdOnly | FileSystemNative.ONoFollow);
        try
        {
            if (FileSystemNative.ModeOf(path) != mode)
            {
                FileSystemNative.Fchmod(fd, mode, path);
                changed = true;
            }

            // .NET exposes no owner and stat(2)'s layout differs per architecture (and old glibc exports no
            // stat symbol), so the owner is re-applied unconditionally: idempotent, and not reported as a change.
            if (owner is { } o)
            {
                FileSystemNative.Fchown(fd, o.Uid, o.Gid, path);
            }

            if (changed)
            {
                FileSystemNative.Fsync(fd, path);
            }
        }
        finally
        {
            FileSystemNative.Close(fd);
        }

        return changed;
    }
}
