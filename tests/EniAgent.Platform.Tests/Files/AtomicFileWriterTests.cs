using EniAgent.Platform.Files;

namespace EniAgent.Platform.Tests.Files;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class AtomicFileWriterTests
{
    private const UnixFileMode Rw = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void Creates_with_the_requested_mode_whatever_the_umask()
    {
        using var root = new TempRoot();
        var path = Path.Combine(root.Path, "etc/netplan/90-eniagent.yaml");
        Assert.Equal(FileWriteOutcome.Created, new AtomicFileWriter().Write(path, "network: {}\n", Private));
        Assert.Equal("network: {}\n", File.ReadAllText(path));
        Assert.Equal(Private, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Same_content_is_not_rewritten()
    {
        using var root = new TempRoot();
        var path = Path.Combine(root.Path, "f");
        var writer = new AtomicFileWriter();
        writer.Write(path, "x\n", Rw);
        var inode = new FileInfo(path).LastWriteTimeUtc;
        File.SetLastWriteTimeUtc(path, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(FileWriteOutcome.Unchanged, writer.Write(path, "x\n", Rw));
        Assert.Equal(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), new FileInfo(path).LastWriteTimeUtc);
        Assert.NotEqual(default, inode);
    }

    [Fact]
    public void Same_content_with_another_mode_is_fixed_in_place()
    {
        using var root = new TempRoot();
        var path = Path.Combine(root.Path, "f");
        var writer = new AtomicFileWriter();
        writer.Write(path, "x\n", Rw);
        Assert.Equal(FileWriteOutcome.MetadataChanged, writer.Write(path, "x\n", Private));
        Assert.Equal(Private, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Update_replaces_the_file_and_leaves_no_temp_behind()
    {
        using var root = new TempRoot();
        var path = Path.Combine(root.Path, "f");
        var writer = new AtomicFileWriter();
        writer.Write(path, "old\n", Rw);
        using var openedBefore = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Assert.Equal(FileWriteOutcome.Updated, writer.Write(path, "new\n", Rw));
        Assert.Equal("new\n", File.ReadAllText(path));

        // A reader that opened the old file keeps seeing the old content: the file was replaced, not rewritten.
        Assert.Equal("old\n", new StreamReader(openedBefore).ReadToEnd());
        Assert.Equal(["f"], Directory.EnumerateFileSystemEntries(root.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Owner_is_applied_when_asked()
    {
        if (Environment.UserName != "root")
        {
            return; // chown to another owner needs root (CI runs as root).
        }

        using var root = new TempRoot();
        var path = Path.Combine(root.Path, "f");
        var writer = new AtomicFileWriter();
        writer.Write(path, "x\n", Rw, new FileOwner(65534, 65534));
        Assert.Equal("65534:65534", RunStat(path));
        Assert.Equal(FileWriteOutcome.Unchanged, writer.Write(path, "x\n", Rw, new FileOwner(0, 0)));
        Assert.Equal("0:0", RunStat(path));
    }

    [Fact]
    public void Delete_reports_whether_anything_was_removed()
    {
        using var root = new TempRoot();
        var path = Path.Combine(root.Path, "f");
        new AtomicFileWriter().Write(path, "x", Rw);
        Assert.True(AtomicFileWriter.Delete(path));
        Assert.False(File.Exists(path));
        Assert.False(AtomicFileWriter.Delete(path));
    }

    [Fact]
    public void A_failed_write_removes_its_temp_file()
    {
        using var root = new TempRoot();
        var target = Path.Combine(root.Path, "dir-in-the-way");
        Directory.CreateDirectory(Path.Combine(target, "child"));
        Assert.ThrowsAny<IOException>(() => new AtomicFileWriter().Write(target, "x", Rw));
        Assert.Equal(["dir-in-the-way"], Directory.EnumerateFileSystemEntries(root.Path).Select(Path.GetFileName));
    }

    private static string RunStat(string path)
    {
        using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%u:%g", path]) { RedirectStandardOutput = true })!;
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return output;
    }
}
